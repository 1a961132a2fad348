from iranru.cli import app

if __name__ == "__main__":  # worker processes started by spawn/forkserver import this module too
    app(prog_name="iranru")
