/* Replaces the book theme's Font Awesome script (1.5 MB, parsed again on every page).
   The icons the report uses are drawn by the theme's stylesheet, from the Font Awesome web
   fonts it ships, so the script is not needed; the theme still links this file by name. */
