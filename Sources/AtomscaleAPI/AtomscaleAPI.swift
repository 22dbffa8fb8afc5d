// AtomscaleAPI module.
