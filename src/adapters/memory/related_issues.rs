//! "Related issue" links: symmetric (a link shows on both issues), stored once,
//! listed in the order they were made. Linking an issue to itself or twice is
//! a 400; removing a link that does not exist is a 404.

use super::errors::{invalid, not_found};
use super::space::Space;
use crate::domain::backlog_error::BacklogError;
use crate::domain::ids::IssueId;
use crate::domain::issue::Issue;
use crate::ports::IssueRef;

fn links(link: (IssueId, IssueId), a: IssueId, b: IssueId) -> bool {
    link == (a, b) || link == (b, a)
}

impl Space {
    pub(super) fn related_issues(&self, target: &IssueRef) -> Result<Vec<Issue>, BacklogError> {
        let id = self.find_issue(target)?.id;
        Ok(self
            .related
            .iter()
            .filter_map(|&(a, b)| match (a == id, b == id) {
                (true, _) => Some(b),
                (_, true) => Some(a),
                _ => None,
            })
            .filter_map(|other| self.issue_by_id(other).cloned())
            .collect())
    }

    pub(super) fn add_related_issue(
        &mut self,
        target: &IssueRef,
        other: IssueId,
    ) -> Result<Issue, BacklogError> {
        let issue = self.find_issue(target)?;
        let (id, key) = (issue.id, issue.key.clone());
        let related = self
            .issue_by_id(other)
            .cloned()
            .ok_or_else(|| invalid(format!("targetIssueId {other} is not an issue.")))?;
        if other == id {
            return Err(invalid(format!(
                "targetIssueId {other} is {key} itself; an issue cannot be related to itself."
            )));
        }
        if self.related.iter().any(|&link| links(link, id, other)) {
            return Err(invalid(format!(
                "targetIssueId: {key} and {} are already related.",
                related.key
            )));
        }
        self.related.push((id, other));
        Ok(related)
    }

    pub(super) fn remove_related_issue(
        &mut self,
        target: &IssueRef,
        other: IssueId,
    ) -> Result<Issue, BacklogError> {
        let issue = self.find_issue(target)?;
        let (id, key) = (issue.id, issue.key.clone());
        let missing = || {
            not_found(
                format!("related issue {other} of issue {key}"),
                "No related issue.",
            )
        };
        if !self.related.iter().any(|&link| links(link, id, other)) {
            return Err(missing());
        }
        let related = self.issue_by_id(other).cloned().ok_or_else(missing)?;
        self.related.retain(|&link| !links(link, id, other));
        Ok(related)
    }
}
