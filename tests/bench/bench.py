#!/usr/bin/env python3
"""make bench: speed of entente on generated articles (a benchmark, not a test).

For each batch size: extract to N-Triples and to Turtle, serialize the same
triples from N-Triples to Turtle with rapper. Then the store: load N articles
in one run, then 100 more into it and the same 100 again (replacing their
graphs), and time every ontology/queries/*.rq on it. Prints articles/s,
triples/s, peak memory and the ratio to rapper.
usage: bench.py [--sizes 1000,10000] [--build build] [--store-size N] [--query-limit S]
       (--sizes '' runs only the store part)
"""
import argparse, glob, os, shutil, signal, sqlite3, subprocess, sys, tempfile, time

HERE = os.path.dirname(os.path.abspath(__file__))


def peak(cmd, stdout_path, limit=None):
    """Seconds, peak RSS (MiB) and CPU seconds (user + system: what one core
    spent, whatever else the machine runs) of cmd, from GNU time; with a limit
    in seconds, None for the seconds when cmd was stopped at it.
    Not getrusage(RUSAGE_CHILDREN) here: a child forked by Python counts
    Python's pages until it execs, and the kernel keeps that peak across the
    exec (27 MiB for a Python holding 10,000 file names, whatever runs)."""
    fd, stats = tempfile.mkstemp(prefix="entente-bench-time-")
    os.close(fd)
    t = time.perf_counter()
    try:
        with open(stdout_path, "wb") as out:
            p = subprocess.Popen(["/usr/bin/time", "-f", "%M %U %S", "-o", stats] + cmd, stdout=out,
                                 stderr=subprocess.DEVNULL, start_new_session=True)
            try:
                rc = p.wait(timeout=limit)
            except subprocess.TimeoutExpired:
                os.killpg(p.pid, signal.SIGINT)  # GNU time ignores it, cmd stops
                p.wait()
                rc = "stopped"
        d = time.perf_counter() - t
        with open(stats) as f:
            kib, user, system = f.read().split()[-3:]
    finally:
        os.unlink(stats)
    if rc == "stopped":
        return None, int(kib) / 1024.0, float(user) + float(system)
    if rc != 0:
        sys.exit("bench: %s failed" % " ".join(cmd[:3]))
    return d, int(kib) / 1024.0, float(user) + float(system)


def article_triples(db):
    """Quads in the store outside the ontology's graph (Redland's sqlite schema)."""
    con = sqlite3.connect(db)
    try:
        return con.execute("SELECT COUNT(*) FROM triples JOIN uris ON uris.id = contextUri "
                           "WHERE uris.uri != 'https://w3id.org/entente/ns'").fetchone()[0]
    finally:
        con.close()


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--sizes", default="1000,10000")
    ap.add_argument("--build", default="build")
    ap.add_argument("--store-size", type=int, default=10000)
    ap.add_argument("--query-limit", type=float, default=600,
                    help="stop a query after this many seconds (Rasqal's OPTIONAL is quadratic)")
    a = ap.parse_args()
    entente = os.path.join(a.build, "entente")
    tmp = tempfile.mkdtemp(prefix="entente-bench-")
    try:
        print("machine: %s, %d cores" % (os.uname().machine, os.cpu_count()))
        for n in [int(x) for x in a.sizes.split(",") if x]:
            d = os.path.join(tmp, "a%d" % n)
            subprocess.run([sys.executable, os.path.join(HERE, "gen.py"), str(n), d], check=True)
            files = sorted(os.path.join(d, f) for f in os.listdir(d))
            nbytes = sum(os.path.getsize(f) for f in files)
            nt, ttl, ttl2 = (os.path.join(tmp, x) for x in ("o.nt", "o.ttl", "r.ttl"))
            t_nt, m_nt, c_nt = peak([entente, "extract", "--date", "2024-03-15", "--format", "ntriples"] + files, nt)
            triples = sum(1 for _ in open(nt, "rb"))
            t_ttl, m_ttl, c_ttl = peak([entente, "extract", "--date", "2024-03-15"] + files, ttl)
            t_rap, m_rap, c_rap = peak(["rapper", "-q", "-i", "ntriples", "-o", "turtle", nt], ttl2)
            print("\n== %d articles (%.1f MB, %d triples); wall clock, then CPU (one core)" % (n, nbytes / 1e6, triples))
            for what, t, c, m in (("extract → N-Triples", t_nt, c_nt, m_nt), ("extract → Turtle", t_ttl, c_ttl, m_ttl)):
                print("%-20s %7.2f s  cpu %7.2f s  %6.0f articles/s  %8.0f triples/s  peak %6.1f MiB"
                      % (what + ":", t, c, n / c, triples / c, m))
            print("%-20s %7.2f s  cpu %7.2f s  %23.0f triples/s  peak %6.1f MiB"
                  % ("rapper NT → Turtle:", t_rap, c_rap, triples / c_rap, m_rap))
            print("ratio extract→Turtle / rapper: %.2f (wall clock), %.2f (CPU)" % (t_ttl / t_rap, c_ttl / c_rap))
            shutil.rmtree(d)
        n, more = a.store_size, 100
        d = os.path.join(tmp, "store")
        subprocess.run([sys.executable, os.path.join(HERE, "gen.py"), str(n + more), d], check=True)
        files = sorted(os.path.join(d, f) for f in os.listdir(d))
        db = os.path.join(tmp, "news.db")
        load = [entente, "load", "--store", db, "--date", "2024-03-15"]
        t_load, m_load, _ = peak(load + files[:n], os.devnull)
        triples = article_triples(db)
        print("\n== store: load %d articles (%d triples): %.1f s, %.1f articles/s, %.0f triples/s, "
              "peak %.1f MiB, %.1f MB on disk"
              % (n, triples, t_load, n / t_load, triples / t_load, m_load, os.path.getsize(db) / 1e6))
        for what in ("%d more articles into it" % more, "the same %d again (replaced)" % more):
            t, _, _ = peak(load + files[n:], os.devnull)
            print("load %-32s %.1f s, %.1f articles/s" % (what + ":", t, more / t))
        print("queries on the %d articles (each reads the triples of its predicates into memory):" % (n + more))
        queries = sorted(glob.glob(os.path.join(HERE, "..", "..", "ontology", "queries", "*.rq")))
        for name, args in [(os.path.basename(q), ["-f", q]) for q in queries] + [
                ("one person's meetings", ["-e", "PREFIX ent: <https://w3id.org/entente/ns#> "
                 "SELECT ?e WHERE { ?e ent:participant <https://w3id.org/entente/id/person/karen-holm> }"])]:
            out = os.path.join(tmp, "q.csv")
            t_q, m_q, _ = peak([entente, "query", "--store", db, "--results", "csv"] + args, out,
                            a.query_limit)
            if t_q is None:
                print("query %-22s stopped after %.0f s  peak %7.1f MiB" % (name + ":", a.query_limit, m_q))
                continue
            rows = sum(1 for _ in open(out, "rb")) - 1
            print("query %-22s %7.2f s  %7d rows  peak %7.1f MiB" % (name + ":", t_q, rows, m_q))
    finally:
        shutil.rmtree(tmp, ignore_errors=True)


if __name__ == "__main__":
    main()
