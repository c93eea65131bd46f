#!/usr/bin/env python3
"""make bench: speed of entente on generated articles (a benchmark, not a test).

For each batch size: extract to N-Triples and to Turtle, serialize the same
triples from N-Triples to Turtle with rapper, and load into a store and time
a query. Prints articles/s, triples/s, peak memory and the ratio to rapper.
usage: bench.py [--sizes 1000,10000] [--build build] [--store-size N]
"""
import argparse, os, resource, shutil, subprocess, sys, tempfile, time

HERE = os.path.dirname(os.path.abspath(__file__))


def peak(cmd, stdout_path):
    """Seconds and peak RSS (MiB) of cmd, measured in an isolated child."""
    code = ("import resource,subprocess,sys,time;t=time.perf_counter();"
            "r=subprocess.run(sys.argv[2:],stdout=open(sys.argv[1],'wb'),stderr=subprocess.DEVNULL);"
            "d=time.perf_counter()-t;"
            "print(d,resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss,r.returncode)")
    out = subprocess.run([sys.executable, "-c", code, stdout_path] + cmd,
                         capture_output=True, text=True, check=True).stdout.split()
    if out[2] != "0":
        sys.exit("bench: %s failed" % " ".join(cmd[:3]))
    return float(out[0]), int(out[1]) / 1024.0


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--sizes", default="1000,10000")
    ap.add_argument("--build", default="build")
    ap.add_argument("--store-size", type=int, default=10000)
    a = ap.parse_args()
    entente = os.path.join(a.build, "entente")
    tmp = tempfile.mkdtemp(prefix="entente-bench-")
    try:
        print("machine: %s, %d cores" % (os.uname().machine, os.cpu_count()))
        for n in [int(x) for x in a.sizes.split(",")]:
            d = os.path.join(tmp, "a%d" % n)
            subprocess.run([sys.executable, os.path.join(HERE, "gen.py"), str(n), d], check=True)
            files = sorted(os.path.join(d, f) for f in os.listdir(d))
            nbytes = sum(os.path.getsize(f) for f in files)
            nt, ttl, ttl2 = (os.path.join(tmp, x) for x in ("o.nt", "o.ttl", "r.ttl"))
            t_nt, m_nt = peak([entente, "extract", "--date", "2024-03-15", "--format", "ntriples"] + files, nt)
            triples = sum(1 for _ in open(nt, "rb"))
            t_ttl, m_ttl = peak([entente, "extract", "--date", "2024-03-15"] + files, ttl)
            t_rap, m_rap = peak(["rapper", "-q", "-i", "ntriples", "-o", "turtle", nt], ttl2)
            print("\n== %d articles (%.1f MB, %d triples)" % (n, nbytes / 1e6, triples))
            print("extract → N-Triples: %7.2f s  %8.0f articles/s  %9.0f triples/s  peak %6.1f MiB"
                  % (t_nt, n / t_nt, triples / t_nt, m_nt))
            print("extract → Turtle:    %7.2f s  %8.0f articles/s  %9.0f triples/s  peak %6.1f MiB"
                  % (t_ttl, n / t_ttl, triples / t_ttl, m_ttl))
            print("rapper NT → Turtle:  %7.2f s  %26.0f triples/s  peak %6.1f MiB"
                  % (t_rap, triples / t_rap, m_rap))
            print("ratio extract→Turtle / rapper: %.2f" % (t_ttl / t_rap))
            shutil.rmtree(d)
        n = a.store_size
        d = os.path.join(tmp, "store")
        subprocess.run([sys.executable, os.path.join(HERE, "gen.py"), str(n), d], check=True)
        files = sorted(os.path.join(d, f) for f in os.listdir(d))
        db = os.path.join(tmp, "news.db")
        t_load, m_load = peak([entente, "load", "--store", db, "--date", "2024-03-15"] + files, os.devnull)
        print("\n== store: load %d articles: %.1f s, %.1f articles/s, peak %.1f MiB, %.1f MB on disk"
              % (n, t_load, n / t_load, m_load, os.path.getsize(db) / 1e6))
        q = os.path.join(os.path.dirname(HERE), "..", "ontology", "queries", "roles.rq")
        for name, args in (("roles.rq", ["-f", q]),
                           ("one person's meetings", ["-e", "PREFIX ent: <https://w3id.org/entente/ns#> "
                            "SELECT ?e WHERE { ?e ent:participant <https://w3id.org/entente/id/person/karen-holm> }"])):
            t_q, _ = peak([entente, "query", "--store", db, "--results", "csv"] + args, os.devnull)
            print("query %-22s %.2f s" % (name + ":", t_q))
    finally:
        shutil.rmtree(tmp, ignore_errors=True)


if __name__ == "__main__":
    main()
