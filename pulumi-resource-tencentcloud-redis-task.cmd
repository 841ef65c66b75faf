@echo off
rem The tencentcloud-redis-task Pulumi resource plugin on Windows. There the engine looks for
rem pulumi-resource-<name>.exe, then .cmd, in the plugin directory (never the POSIX sh script beside
rem this file); this runs the compiled provider with node from PATH, as the sh script does elsewhere.
setlocal
set "main=%~dp0dist\provider\doors\plugin\main.js"
rem A plugin directory made from an npm prefix holds the package under node_modules (see the README).
if not exist "%main%" set "main=%~dp0node_modules\pulumi-tencentcloud-redis-task\dist\provider\doors\plugin\main.js"
node "%main%" %*
exit /b %ERRORLEVEL%
