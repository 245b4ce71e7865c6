@echo off
rem kubelift, from its distribution: runs lib\kubelift.jar with the Java on JAVA_HOME or PATH (17 or newer).
setlocal
set "KUBELIFT_HOME=%~dp0.."
set "JAVA=java"
if defined JAVA_HOME if exist "%JAVA_HOME%\bin\java.exe" set "JAVA=%JAVA_HOME%\bin\java.exe"
"%JAVA%" -XX:TieredStopAtLevel=1 -Xshare:auto -Xlog:disable -Xlog:all=warning:stderr %KUBELIFT_JAVA_OPTS% -jar "%KUBELIFT_HOME%\lib\kubelift.jar" %*
exit /b %ERRORLEVEL%
