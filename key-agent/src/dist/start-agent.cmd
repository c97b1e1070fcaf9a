@echo off
rem Starts the CA key agent (KEY control) on 127.0.0.1. Needs Java 17 or newer.
rem Options are passed on to the agent (start-agent.cmd --help); JVM options go into JAVA_OPTS.
setlocal
set "DIR=%~dp0"
set "JAVA=java"
if defined JAVA_HOME if exist "%JAVA_HOME%\bin\java.exe" set "JAVA=%JAVA_HOME%\bin\java.exe"

"%JAVA%" -version >nul 2>&1
if errorlevel 1 (
  echo Java was not found. Please install Java 17 or newer, then start this file again.
  pause
  exit /b 1
)

rem The agent reads the USB key's PIN flags through the JDK's PKCS#11 wrapper.
"%JAVA%" %JAVA_OPTS% --add-exports jdk.crypto.cryptoki/sun.security.pkcs11.wrapper=ALL-UNNAMED -jar "%DIR%ca-key-agent.jar" %*
if errorlevel 1 (
  echo.
  echo The key agent stopped with an error. Java 17 or newer is required.
  pause
)
endlocal
