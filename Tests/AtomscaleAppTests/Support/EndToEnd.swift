import Testing

/// Every suite that drives the real program in tmux runs inside this one, one test at a time:
/// several debug builds of the browser (each with its own demo server) starting at once on a
/// two-core machine, beside the rest of the suite, made screens arrive too late to be fair.
@Suite(.serialized) enum EndToEnd {}
