from vendorgate.cli import main

main()
