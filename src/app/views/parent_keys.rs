use crate::domain::backlog_error::BacklogError;
use crate::domain::ids::IssueId;
use crate::domain::issue::Issue;
use crate::domain::issue_filter::{IssueFilter, IssueQuery, PageSize};
use crate::domain::keys::IssueKey;
use crate::ports::IssueRepository;
use futures::future::try_join_all;
use std::collections::HashMap;

/// The keys of the issues' parents: known ones from the issues themselves, the
/// rest fetched by id, a hundred per request, all requests at once.
pub async fn parent_keys(
    repo: &dyn IssueRepository,
    issues: &[Issue],
) -> Result<HashMap<IssueId, IssueKey>, BacklogError> {
    let mut keys = own_keys(issues);
    let missing = missing_parents(issues, &keys);
    keys.extend(keys_of(repo, &missing).await?);
    Ok(keys)
}

/// Each issue's own key by id.
pub fn own_keys(issues: &[Issue]) -> HashMap<IssueId, IssueKey> {
    issues.iter().map(|i| (i.id, i.key.clone())).collect()
}

/// The parents of `issues` whose keys are not in `known`, each once, in order.
pub fn missing_parents(issues: &[Issue], known: &HashMap<IssueId, IssueKey>) -> Vec<IssueId> {
    let mut missing: Vec<IssueId> = issues
        .iter()
        .filter_map(|i| i.parent_issue_id)
        .filter(|id| !known.contains_key(id))
        .collect();
    missing.sort_unstable();
    missing.dedup();
    missing
}

/// The keys of these issues, a hundred per request, the requests concurrent.
pub async fn keys_of(
    repo: &dyn IssueRepository,
    ids: &[IssueId],
) -> Result<HashMap<IssueId, IssueKey>, BacklogError> {
    let page = usize::try_from(PageSize::MAX.get()).unwrap_or(100);
    let pages = try_join_all(ids.chunks(page).map(|chunk| async move {
        let query = IssueQuery::first_page(IssueFilter {
            issue_ids: chunk.to_vec(),
            ..IssueFilter::default()
        });
        repo.issues(&query).await
    }))
    .await?;
    Ok(pages
        .into_iter()
        .flatten()
        .map(|parent| (parent.id, parent.key))
        .collect())
}
