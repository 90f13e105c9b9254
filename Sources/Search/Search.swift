// The Search stage; see README "Architecture".
