"""Scripts of the AWS study-notes site (run ``python -m scripts --help``)."""
