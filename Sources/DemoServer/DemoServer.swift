// DemoServer module.
