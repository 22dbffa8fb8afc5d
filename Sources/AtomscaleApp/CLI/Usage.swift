/// Help texts. Kept beside the argument specs they describe.
enum Usage {
    static let version = "atomscale-tui 0.1.0"

    static let main = """
    atomscale-tui: browse the optical videos of the Atomscale platform in a terminal

    usage:
      atomscale-tui [--demo] [--endpoint URL] [--api-key-file PATH] [--no-color] [--image MODE]
                    [--download-dir D] [--refresh-interval SECONDS] [--anomaly-threshold X]
      atomscale-tui videos [--json] [--search TEXT] [--status S]
      atomscale-tui frames DATA_ID [--json]
      atomscale-tui demo-server [--port N] [--scale standard|large]
      atomscale-tui render SOURCE [--width N] [--height N] [--colors truecolor|256|16|none]
      atomscale-tui keys
      atomscale-tui download DATA_ID [--dir D] [--jobs N]
      atomscale-tui triage export [--format csv|json] [--output FILE]
      atomscale-tui doctor [--image MODE] [--no-color]

    options:
      --demo               use the built-in demo catalogue (no key, no network)
      --scale S            demo catalogue size: standard (default) or large (100,000 entries)
      --endpoint URL       API base URL (else AS_API_ENDPOINT, else https://api.atomscale.ai/)
      --api-key-file PATH  read the API key from PATH (else AS_API_KEY)
      --no-color           no colours (also NO_COLOR=1, or colors = none in the config)
      --download-dir D     where d/D save frames (else download_dir in the config, else .)
      --refresh-interval S seconds between refreshes of a live video (default 5)
      --image MODE         how frames are drawn: auto (default), kitty, blocks, ascii, off
                           (also image = MODE in the config; `doctor` says what auto picks)
      --anomaly-threshold X  a frame is anomalous when a metric's anomaly probability is
                           at least X (0 to 1; default 0.5, or anomaly_threshold in the config)
      -h, --help           show help (also after a command: atomscale-tui frames --help)
      --version            show the version

    The key is never accepted on the command line. Keys inside the browser: press ?.
    Exit status: 0 success, 1 runtime error (network, HTTP, unknown id), 2 usage error.
    """

    static let videos = """
    usage: atomscale-tui videos [--json] [--search TEXT] [--status S] [--demo] [--endpoint URL] [--api-key-file PATH]

    Lists the optical videos of the catalogue: a table, or the entries as received with --json.
      --search TEXT  server-side keyword search (repeat for several keywords)
      --status S     success, pending, error, running, stream_active, stream_interrupted, ..., all
    """

    static let frames = """
    usage: atomscale-tui frames DATA_ID [--json] [--demo] [--endpoint URL] [--api-key-file PATH]

    Lists the saved frames of one optical video, in recording order.
    """

    static let render = """
    usage: atomscale-tui render SOURCE [--width N] [--height N] [--colors truecolor|256|16|none] [--demo] [--endpoint URL] [--api-key-file PATH]

    Prints one image as coloured half-block cells (two square pixels per cell), without
    the browser. SOURCE is a PNG file, or an image_uuid fetched through the API.
      --width N, --height N  the cell box (default: the terminal's size, else 80x24)
      --colors MODE          default from COLORTERM, TERM and NO_COLOR; none = shading characters
    """

    static let keys = """
    usage: atomscale-tui keys

    Prints the browser's key table as Markdown (the source of docs/keybindings.md).
    """

    static let doctor = """
    usage: atomscale-tui doctor [--image MODE] [--no-color]

    Prints what the browser detects about this terminal (TERM, colours, locale and UTF-8,
    tmux, kitty graphics support) and which image mode it would use, with the reason.
    --image and --no-color show what those flags would change.
    """

    static let demoServer = """
    usage: atomscale-tui demo-server [--port N] [--scale standard|large]

    Serves the built-in demo catalogue on 127.0.0.1 until interrupted, and prints
    `listening on http://127.0.0.1:PORT/`. Any X-API-KEY is accepted.
    """
}
