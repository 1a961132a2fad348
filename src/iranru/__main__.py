from iranru.cli import app

app(prog_name="iranru")
