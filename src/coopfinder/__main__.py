"""`python -m coopfinder`."""

from .cli import main

main()
