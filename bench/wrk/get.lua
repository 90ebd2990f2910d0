-- A plain GET of the path on wrk's command line, with the shared report.
dofile(os.getenv("NQBA_WRK_DIR") .. "/report.lua")
