// The Plotting stage; see README "Architecture".
