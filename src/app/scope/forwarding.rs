//! The two rules most port methods follow, each stated once: a method that
//! names a project first checks it against the allow-list and forwards by id;
//! a method that names an issue first checks the issue and forwards as asked.
//! A port whose every method follows one rule is implemented with one line per
//! method; anything else (lists to narrow, ids inside a payload) is written out.

/// Implements `$port` for [`super::ScopedBacklog`]: every method takes
/// `project: &ProjectRef` first, which must be allowed; the inner port
/// (`self.inner.$field`) is called with the project's id.
macro_rules! project_checked {
    ($port:ident via $field:ident {
        $(async fn $method:ident(project $(, $arg:ident: $ty:ty)*) -> $out:ty;)*
    }) => {
        #[async_trait::async_trait]
        impl $port for super::ScopedBacklog {
            $(
                async fn $method(
                    &self,
                    project: &crate::ports::ProjectRef
                    $(, $arg: $ty)*
                ) -> Result<$out, crate::domain::backlog_error::BacklogError> {
                    let project = self.allowed_ref(project).await?;
                    self.inner.$field.$method(&project $(, $arg)*).await
                }
            )*
        }
    };
}

/// Implements `$port` for [`super::ScopedBacklog`]: every method takes
/// `issue: &IssueRef` first, which must be an allowed project's issue before
/// the inner port (`self.inner.$field`) is called.
macro_rules! issue_checked {
    ($port:ident via $field:ident {
        $(async fn $method:ident(issue $(, $arg:ident: $ty:ty)*) -> $out:ty;)*
    }) => {
        #[async_trait::async_trait]
        impl $port for super::ScopedBacklog {
            $(
                async fn $method(
                    &self,
                    issue: &crate::ports::IssueRef
                    $(, $arg: $ty)*
                ) -> Result<$out, crate::domain::backlog_error::BacklogError> {
                    self.allowed_issue(issue).await?;
                    self.inner.$field.$method(issue $(, $arg)*).await
                }
            )*
        }
    };
}

pub(super) use {issue_checked, project_checked};
