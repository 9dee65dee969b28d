use crate::domain::backlog_error::BacklogError;
use crate::domain::ids::IssueId;
use crate::domain::issue::Issue;
use crate::domain::issue_filter::{IssueFilter, IssueQuery, PageSize};
use crate::domain::keys::IssueKey;
use crate::ports::IssueRepository;
use std::collections::HashMap;

/// The keys of the issues' parents: known ones from the issues themselves, the
/// rest fetched by id, a hundred per request.
pub async fn parent_keys(
    repo: &dyn IssueRepository,
    issues: &[Issue],
) -> Result<HashMap<IssueId, IssueKey>, BacklogError> {
    let mut keys: HashMap<IssueId, IssueKey> =
        issues.iter().map(|i| (i.id, i.key.clone())).collect();
    let mut missing: Vec<IssueId> = issues
        .iter()
        .filter_map(|i| i.parent_issue_id)
        .filter(|id| !keys.contains_key(id))
        .collect();
    missing.sort_unstable();
    missing.dedup();
    let page = usize::try_from(PageSize::MAX.get()).unwrap_or(100);
    for chunk in missing.chunks(page) {
        let query = IssueQuery::first_page(IssueFilter {
            issue_ids: chunk.to_vec(),
            ..IssueFilter::default()
        });
        for parent in repo.issues(&query).await? {
            keys.insert(parent.id, parent.key);
        }
    }
    Ok(keys)
}
