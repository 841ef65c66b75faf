module redistask.test/clients/go

go 1.21

require (
	github.com/tencentcloud/tencentcloud-sdk-go/tencentcloud/common v1.0.900
	github.com/tencentcloud/tencentcloud-sdk-go/tencentcloud/redis v1.0.900
)
