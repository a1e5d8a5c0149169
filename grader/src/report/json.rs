//! `--format json`: the whole grade, per exercise and per check (name, status, points,
//! max_points, message, and details or a hint where there are some), for CI and other tools.

use crate::verdict::Grade;

pub fn render(grade: &Grade) -> String {
    serde_json::to_string_pretty(grade).expect("a grade always serialises")
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::verdict::{CheckReport, ExerciseReport, Status};

    #[test]
    fn checks_carry_name_status_points_and_message() {
        let grade = Grade {
            exercises: vec![ExerciseReport {
                name: "e".into(),
                dir: "e".into(),
                title: "E".into(),
                status: Status::NotDone,
                points: 0,
                max_points: 2,
                checks: vec![CheckReport {
                    id: "c".into(),
                    title: "C".into(),
                    status: Status::NotDone,
                    points: 0,
                    max_points: 2,
                    message: "Not done yet".into(),
                    message_id: None,
                    details: None,
                    hint: None,
                }],
                notes: Vec::new(),
            }],
            points: 0,
            max_points: 2,
            problems: Vec::new(),
            tampered: Vec::new(),
        };
        let value: serde_json::Value = serde_json::from_str(&render(&grade)).unwrap();
        let check = &value["exercises"][0]["checks"][0];
        assert_eq!(check["name"], "c");
        assert_eq!(check["status"], "not_done");
        assert_eq!(check["points"], 0);
        assert_eq!(check["max_points"], 2);
        assert_eq!(check["message"], "Not done yet");
    }
}
