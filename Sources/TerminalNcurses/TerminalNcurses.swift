// TerminalNcurses module.
