"""`actionplan new-site`: the files of a new council site, ready to build and publish."""
