import NASReachCLI

await NASReach.main()
