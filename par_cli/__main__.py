from par_cli.cli import main

main()
