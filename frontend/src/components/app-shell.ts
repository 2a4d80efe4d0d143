// The window's frame: the header's height, and where toasts appear so they
// open below the header (Element Plus puts them 16px from the top, over it).

/** The header's height in px (AppHeader). */
export const headerHeight = 56

/** ElMessage's offset from the top of the window, in px. */
export const toastOffset = headerHeight + 12
