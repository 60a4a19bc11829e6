# tafrun sweep and compare.

# (llama-3-8b past its 8,192-token window: NO, the window erratum of X-2, issue #15;
# mistral-7b's config states max_position_embeddings 32768, its window: the closed
# form's Phase-B NO at 16K and 32K becomes YES within it, by the same erratum)
$ tafrun sweep x2 --model llama-3-8b,mistral-7b --grid T_eval=8192..32768*2
  {"model":"llama-3-8b","T_eval":8192,"verdict":"YES","confidence":63}
  {"model":"llama-3-8b","T_eval":16384,"verdict":"NO","confidence":63}
  {"model":"llama-3-8b","T_eval":32768,"verdict":"NO","confidence":63}
  {"model":"mistral-7b","T_eval":8192,"verdict":"YES","confidence":63}
  {"model":"mistral-7b","T_eval":16384,"verdict":"YES","confidence":38}
  {"model":"mistral-7b","T_eval":32768,"verdict":"YES","confidence":38}

# arithmetic and list axes, CSV chosen by the extension, written atomically
# (N = √(C/120) stays under 80 GB / 16 B for every budget here: all GO)
$ d=$(mktemp -d); tafrun sweep x3 --grid USD_budget=1000..3000+1000 --grid gpu=h100,a100 --out $d/b.csv | sed "s|$d|DIR|"; cat $d/b.csv; ls $d; rm -rf $d
  6 points of X-3 in .* \(.*/s, 2 jobs\) → DIR/b.csv (re)
  model,USD_budget,gpu,verdict,confidence,key,error
  ,1000,h100,GO,67,,
  ,1000,a100,GO,67,,
  ,2000,h100,GO,67,,
  ,2000,a100,GO,67,,
  ,3000,h100,GO,67,,
  ,3000,a100,GO,67,,
  b.csv

# shards split the grid into contiguous slices that add up to the whole
$ for i in 1 2 3; do tafrun sweep x2 --model qwen2.5-7b --grid T_eval=1000..1009+1 --shard $i/3; done | cut -d, -f2
  "T_eval":1000
  "T_eval":1001
  "T_eval":1002
  "T_eval":1003
  "T_eval":1004
  "T_eval":1005
  "T_eval":1006
  "T_eval":1007
  "T_eval":1008
  "T_eval":1009

# every full row equals the same recipe run on its own, with --jobs
$ d=$(mktemp -d); tafrun sweep x2 --model mistral-7b --grid T_train=1024..65536*4 --grid gamma_obs=0.5,0.9 --full --jobs 2 --out $d/f.jsonl >/dev/null; n=0; for T in 1024 4096 16384 65536; do for g in 0.5 0.9; do n=$((n+1)); a=$(sed -n "${n}p" $d/f.jsonl); b=$(tafrun x2 --model mistral-7b --set T_train=$T --set gamma_obs=$g --json | tafrun --trust -e 'io.write(taf.json.encode(taf.json.decode(io.read("a"))))'); [ "$a" = "$b" ] && echo same || echo DIFFERENT; done; done | uniq -c | tr -s ' '; rm -rf $d
   8 same

# every lean row (two axes; a recipe with a key number) carries the verdict,
# confidence and key of the same recipe run on its own
$ tafrun sweep x10 --model llama-3-8b --grid T_eval=4096,16384 --grid theta=10000,500000 | while read -r row; do T=$(echo "$row" | tafrun --trust -e 'print(taf.json.decode(io.read("a")).T_eval)'); th=$(echo "$row" | tafrun --trust -e 'print(taf.json.decode(io.read("a")).theta)'); a=$(echo "$row" | tafrun --trust -e 'local r = taf.json.decode(io.read("a")); print(r.verdict, r.confidence, r.key)'); b=$(tafrun x10 --model llama-3-8b --set T_eval=$T --set theta=$th --json | tafrun --trust -e 'local r = taf.json.decode(io.read("a")); print(r.verdict, r.confidence.pct, r.key)'); [ "$a" = "$b" ] && echo "same $T $th" || echo "DIFFERENT $a | $b"; done
  same 4096 10000
  same 4096 500000
  same 16384 10000
  same 16384 500000

$ tafrun sweep x2 --model llama-3-8b --grid bogus=1..2
! tafrun: X-2 has no parameter 'bogus' to sweep (see 'tafrun show X-2')
[2]

$ tafrun sweep x2 --model llama-3-8b --grid T_eval=10..1*2
! tafrun: --grid 'T_eval=10..1*2': a geometric axis needs 0 < START <= STOP and FACTOR > 1
[2]

$ tafrun sweep x2 --model llama-3-8b --grid T_eval=1..4 --shard 4/3
! tafrun: --shard expects I/N with 1 <= I <= N, got '4/3'
[2]

$ tafrun sweep x2 --model llama-3-8b
! tafrun: sweep needs at least one --grid KEY=SPEC
[2]

$ tafrun sweep x2 --model llama-3-8b --grid T_eval=1..4 --full --out x.csv
! tafrun: --full results need JSON Lines (--out FILE.jsonl)
[2]

# an output that cannot be created is a usage error naming the file, before any point runs
$ tafrun sweep x2 --model llama-3-8b --grid T_eval=1..4 --out /nonexistent/dir/s.jsonl
! tafrun: --out: cannot write /nonexistent/dir/s.jsonl: No such file or directory
[2]

# a point whose value is out of range becomes an ERROR row; the others run
$ tafrun sweep x2 --model llama-3-8b --grid T_eval=-1,4096
  {"model":"llama-3-8b","T_eval":-1,"verdict":"ERROR","confidence":null,"error":"X-2: parameter 'T_eval' must be integer in [1, 1000000000000], got -1"}
  {"model":"llama-3-8b","T_eval":4096,"verdict":"YES","confidence":63}

$ tafrun compare x19 --model llama-3-8b,qwen2.5-7b | head -5
  X-19 · KV Compression Decision
  Soft decay, a D_f hard cutoff, or literature methods to compress the KV cache?
  
                                    llama-3-8b               qwen2.5-7b
  verdict                           USE SOFT DECAY (caveat)  USE SOFT DECAY

$ tafrun compare x19 --model llama-3-8b,qwen2.5-7b --json | tafrun --trust -e 'local r = taf.json.decode(io.read("a")); print(#r, r[1].model, r[2].model)'
  2	meta-llama/Meta-Llama-3-8B	Qwen/Qwen2.5-7B

# a parameter that defaults from a swept one follows it (T_eval from T_train),
# unless another axis or --set gives it, whatever the order of the axes
$ tafrun sweep x2 --model llama-3-8b --grid T_train=4096,65536 --full | tafrun --trust -e 'for l in io.lines() do local r = taf.json.decode(l); print(r.inputs.T_train, r.inputs.T_eval) end'
  4096	4096
  65536	65536

$ tafrun sweep x2 --model llama-3-8b --grid T_eval=100000 --grid T_train=4096,65536 --full | tafrun --trust -e 'for l in io.lines() do local r = taf.json.decode(l); print(r.inputs.T_train, r.inputs.T_eval) end'
  4096	100000
  65536	100000

$ tafrun sweep x2 --model llama-3-8b --grid T_eval=1..4 --grid T_eval=8,16
! tafrun: --grid T_eval is given twice: one axis per parameter
[2]

$ tafrun sweep x2 --model llama-3-8b --grid T_eval=1..4 --set T_eval=8
! tafrun: T_eval is both --set and swept with --grid: keep one
[2]
