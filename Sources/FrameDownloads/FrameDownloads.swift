// Frame downloads.
