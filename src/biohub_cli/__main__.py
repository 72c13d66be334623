from biohub_cli.cli.app import main

main()
