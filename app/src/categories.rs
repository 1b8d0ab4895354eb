//! Categories: what money is spent on or earned from. Rename, recolour, nest one level,
//! archive, and delete — moving the transactions to another category (a merge).
//!
//! Rule: this file is the feature's face (its modules, what others use, its routes);
//! the pages and server code import `types` and each other, never this file.

mod delete;
mod detail;
mod edit;
mod list;
pub mod types;

#[cfg(feature = "ssr")]
pub mod repo;
#[cfg(feature = "ssr")]
pub mod ssr;

pub use delete::{DeleteCategory, delete_category};
pub use detail::{CategoryPage, SetCategoryArchived, set_category_archived};
pub use edit::{SaveCategory, save_category};
pub use list::{CategoriesPage, ListCategories, list_categories};
pub use types::{CategoryDeleteInput, CategoryFormInput, CategoryView};

crate::routes!(CategoryRoutes {
    "/categories" => CategoriesPage,
    "/categories/:id" => CategoryPage,
});
