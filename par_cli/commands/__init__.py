"""The `par` commands: each module parses its options, calls the core and renders. No
command computes anything a library user could not get from the core."""
