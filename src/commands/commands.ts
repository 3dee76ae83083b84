/** The function file the manifest names; the ribbon button only opens the task pane, so it just signals ready. */
if (typeof Office !== 'undefined') void Office.onReady();
