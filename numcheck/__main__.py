from numcheck.cli import main

main()
