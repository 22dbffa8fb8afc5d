// TriageStore module.
