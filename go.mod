module github.com/timeslice/timeslice

go 1.26.3

require (
	github.com/gorilla/mux v1.8.1 // indirect
	github.com/lib/pq v1.12.3 // indirect
	github.com/paulmach/orb v0.14.0 // indirect
	github.com/twpayne/go-geom v1.7.0 // indirect
	go.mongodb.org/mongo-driver/v2 v2.5.0 // indirect
)
