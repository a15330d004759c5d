from par_cli.console import main

main()
