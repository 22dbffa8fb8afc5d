/// Help texts of the issue-4 commands.
extension Usage {
    static let triage = """
    usage: atomscale-tui triage export [--format csv|json] [--output FILE]

    Writes every mark and note (every API origin: the origin column tells them apart) with
    ids, names, mark, note, who and when. Without --output the export goes to stdout; with it
    FILE is replaced atomically (a reader sees the old file or the new one, never half).
      --format F     csv (default; RFC 4180, cells starting with = + - @ get a leading ')
                     or json (exact values, null for no mark or note)
      --output FILE  write to FILE instead of stdout

    The database: $XDG_STATE_HOME/atomscale-tui/triage.sqlite3
    (default ~/.local/state/atomscale-tui/triage.sqlite3).
    """

    static let download = """
    usage: atomscale-tui download DATA_ID [--dir D] [--jobs N] [--demo] [--endpoint URL] [--api-key-file PATH]

    Saves every frame of one optical video as D/<video-name>-<data_id8>/frame-00012-<image_uuid8>.png
    (frame numbers zero-padded, so names sort in recording order). Files already there and
    complete are skipped; each file is written under a temporary name and renamed when whole.
    Progress on stderr. Ctrl-C stops cleanly.
      --dir D    the base directory (else download_dir in the config file, else the current one)
      --jobs N   files fetched at once, 1 to 16 (default 4)

    Exit status: 0 every frame saved or already there, 1 some failed (or the video could not
    be listed), 2 usage error, 130/143 interrupted.
    """
}
