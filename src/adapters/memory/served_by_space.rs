//! How the memory adapter serves a port: every port method is the [`Space`]
//! method of the same name (or the one named after `=`), called under the read
//! lock (`read`) or the write lock (`write`). The behaviour lives in `Space`'s
//! methods; this states the mapping once, one line per port method.
//!
//! [`Space`]: super::space::Space

macro_rules! served_by_space {
    ($port:ident {
        $($lock:ident $method:ident($($arg:ident: $ty:ty),*) -> $out:ty $(= $target:ident)?;)*
    }) => {
        #[async_trait::async_trait]
        impl $port for super::MemoryBacklog {
            $(
                async fn $method(
                    &self
                    $(, $arg: $ty)*
                ) -> Result<$out, crate::domain::backlog_error::BacklogError> {
                    served_by_space!(@call self.$lock(), $method $($target)?, ($($arg),*))
                }
            )*
        }
    };
    (@call $space:expr, $method:ident, ($($arg:ident),*)) => {
        $space.$method($($arg),*)
    };
    (@call $space:expr, $method:ident $target:ident, ($($arg:ident),*)) => {
        $space.$target($($arg),*)
    };
}

pub(super) use served_by_space;
