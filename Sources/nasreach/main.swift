import NASReachCLI

NASReach.main()
