"""Developer tools: the build benchmark and the page-weight report. Never part of a build."""
