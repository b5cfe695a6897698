"""``python -m troopledger`` runs the command line."""

from troopledger._cli import main

main()
