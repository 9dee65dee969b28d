//! Ports whose every method addresses one project or one issue, named by its
//! first argument. Such a port is declared with `addressed_port!`, which also
//! implements it for [`Guarded`]: the port behind an [`AddressGuard`] that
//! checks what each call addresses before forwarding it. A method added to such
//! a port is therefore checked by the type of its first argument, with nothing
//! to add in the layer that enforces the check (the allow-list in `app::scope`).

use super::{CommentPage, IssueRef, ProjectRef};
use crate::domain::backlog_error::BacklogError;
use crate::domain::changes::{NewComment, NewVersion, VersionUpdate};
use crate::domain::ids::{AttachmentId, CommentId, VersionId};
use async_trait::async_trait;
use std::sync::Arc;

/// Decides whether a call may address a project or an issue.
#[async_trait]
pub trait AddressGuard: Send + Sync {
    /// The project, named by id, if it may be addressed; otherwise why not.
    async fn project(&self, project: &ProjectRef) -> Result<ProjectRef, BacklogError>;

    /// Whether the issue may be addressed; otherwise why not.
    async fn issue(&self, issue: &IssueRef) -> Result<(), BacklogError>;
}

/// What a port method can address by its first argument.
#[async_trait]
pub trait Addressed: Sized + Sync {
    /// How the checked thing is passed on: projects by the id the guard
    /// found, issues as they were named.
    async fn checked(&self, guard: &dyn AddressGuard) -> Result<Self, BacklogError>;
}

#[async_trait]
impl Addressed for ProjectRef {
    async fn checked(&self, guard: &dyn AddressGuard) -> Result<Self, BacklogError> {
        guard.project(self).await
    }
}

#[async_trait]
impl Addressed for IssueRef {
    async fn checked(&self, guard: &dyn AddressGuard) -> Result<Self, BacklogError> {
        guard.issue(self).await?;
        Ok(self.clone())
    }
}

/// An argument after the address in a guarded method: it names nothing the
/// allow-list must check, or only what Backlog looks up under the checked
/// project or issue (a comment of that issue, a version of that project). Every
/// later argument's type must implement it, so a new one is a decision made
/// here; an argument that names another project or issue belongs in a port
/// written out in `app::scope` instead.
pub trait WithinAddress {}

impl<T: WithinAddress + ?Sized> WithinAddress for &T {}
impl WithinAddress for str {}
impl WithinAddress for u64 {}
impl WithinAddress for CommentId {}
impl WithinAddress for VersionId {}
impl WithinAddress for AttachmentId {}
/// Comment ids bounding a window of the checked issue's comments.
impl WithinAddress for CommentPage {}
/// Users to notify and files uploaded to the space, not another issue's.
impl WithinAddress for NewComment {}
impl WithinAddress for NewVersion {}
impl WithinAddress for VersionUpdate {}

/// Compiles only for a [`WithinAddress`] argument.
pub(crate) fn within_address<T: WithinAddress + ?Sized>(_: &T) {}

/// A port (`P` is `dyn` the port trait) whose calls are checked by `guard`
/// before they reach `inner`.
pub struct Guarded<P: ?Sized> {
    pub(crate) guard: Arc<dyn AddressGuard>,
    pub(crate) inner: Arc<P>,
}

impl<P: ?Sized> Guarded<P> {
    pub fn new(guard: Arc<dyn AddressGuard>, inner: Arc<P>) -> Arc<Self> {
        Arc::new(Self { guard, inner })
    }
}

/// Declares a port trait whose every method takes `&self`, then the project or
/// issue it addresses (`&ProjectRef` or `&IssueRef`), then anything else, and
/// returns `Result<_, BacklogError>`; and implements it for [`Guarded`] so each
/// call is checked by its first argument. Written like the trait itself,
/// `#[async_trait]` and mockall's `automock` included.
///
/// Only the first argument is checked; every later one must be
/// [`WithinAddress`], or the port does not compile. A port with a list across
/// projects, or an argument naming another project or issue, is written out in
/// `app::scope`.
macro_rules! addressed_port {
    // The trait is passed on as written, attributes included: as token trees
    // (mockall rejects types captured as `ty`), and with `#[async_trait]` from
    // the same place as `&self` (hygiene), then read method by method for the
    // `Guarded` implementation.
    (
        $(#[$($attr:tt)*])*
        pub trait $port:ident: Send + Sync { $($body:tt)* }
    ) => {
        $(#[$($attr)*])*
        pub trait $port: Send + Sync { $($body)* }

        addressed_port!(@guarded $port { $($body)* });
    };
    (@guarded $port:ident {
        $(
            $(#[$($method_attr:tt)*])*
            async fn $method:ident(
                &self,
                $first:ident: &$first_ty:ty
                $(, $arg:ident: $ty:ty)* $(,)?
            ) -> Result<$out:ty, BacklogError>;
        )*
    }) => {
        #[async_trait::async_trait]
        impl $port for $crate::ports::addressed_port::Guarded<dyn $port> {
            $(
                async fn $method(
                    &self,
                    $first: &$first_ty
                    $(, $arg: $ty)*
                ) -> Result<$out, BacklogError> {
                    $($crate::ports::addressed_port::within_address(&$arg);)*
                    let $first = $crate::ports::addressed_port::Addressed::checked(
                        $first,
                        self.guard.as_ref(),
                    )
                    .await?;
                    self.inner.$method(&$first $(, $arg)*).await
                }
            )*
        }
    };
}

pub(crate) use addressed_port;

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::ids::ProjectId;
    use crate::domain::issue_filter::{PageSize, SortOrder};
    use crate::domain::keys::{IssueKey, ProjectKey};
    use crate::ports::comment_repository::MockCommentRepository;
    use crate::ports::status_repository::MockStatusRepository;
    use crate::ports::{CommentPage, CommentRepository, StatusRepository};

    /// Allows project 7 (named by key `WEB`) and its issues, nothing else.
    struct OnlyWeb;

    #[async_trait]
    impl AddressGuard for OnlyWeb {
        async fn project(&self, project: &ProjectRef) -> Result<ProjectRef, BacklogError> {
            match project {
                ProjectRef::Key(key) if key.as_str() == "WEB" => {
                    Ok(ProjectRef::Id(ProjectId::new(7).unwrap()))
                }
                other => Err(BacklogError::Refused {
                    reason: format!("{other} is not allowed"),
                }),
            }
        }

        async fn issue(&self, issue: &IssueRef) -> Result<(), BacklogError> {
            match issue {
                IssueRef::Key(key) if key.project().as_str() == "WEB" => Ok(()),
                other => Err(BacklogError::Refused {
                    reason: format!("{other} is not allowed"),
                }),
            }
        }
    }

    fn page() -> CommentPage {
        CommentPage {
            min_id: None,
            max_id: None,
            count: PageSize::new(20).unwrap(),
            order: SortOrder::Asc,
        }
    }

    #[tokio::test]
    async fn a_refused_issue_never_reaches_the_port() {
        // No expectation: any call to the inner port fails the test.
        let inner: Arc<dyn CommentRepository> = Arc::new(MockCommentRepository::new());
        let guarded = Guarded::new(Arc::new(OnlyWeb), inner);
        let other = IssueRef::Key(IssueKey::parse("OPS-1").unwrap());
        let refusal = guarded.comments(&other, page()).await.unwrap_err();
        assert!(
            matches!(refusal, BacklogError::Refused { .. }),
            "{refusal:?}"
        );
    }

    #[tokio::test]
    async fn an_allowed_issue_is_passed_on_as_named() {
        let mut inner = MockCommentRepository::new();
        inner
            .expect_comments()
            .withf(|issue, _| *issue == IssueRef::Key(IssueKey::parse("WEB-3").unwrap()))
            .times(1)
            .returning(|_, _| Ok(Vec::new()));
        let inner: Arc<dyn CommentRepository> = Arc::new(inner);
        let guarded = Guarded::new(Arc::new(OnlyWeb), inner);
        let web = IssueRef::Key(IssueKey::parse("WEB-3").unwrap());
        assert!(guarded.comments(&web, page()).await.unwrap().is_empty());
    }

    #[tokio::test]
    async fn an_allowed_project_is_passed_on_by_the_id_the_guard_found() {
        let mut inner = MockStatusRepository::new();
        inner
            .expect_statuses()
            .withf(|project| *project == ProjectRef::Id(ProjectId::new(7).unwrap()))
            .times(1)
            .returning(|_| Ok(Vec::new()));
        let inner: Arc<dyn StatusRepository> = Arc::new(inner);
        let guarded = Guarded::new(Arc::new(OnlyWeb), inner);
        let web = ProjectRef::Key(ProjectKey::parse("WEB").unwrap());
        assert!(guarded.statuses(&web).await.unwrap().is_empty());
        let ops = ProjectRef::Key(ProjectKey::parse("OPS").unwrap());
        assert!(guarded.statuses(&ops).await.is_err());
    }
}
