// The Report stage; see README "Architecture".
