# Packs found through --pack, $TAFRUN_PATH and the user directory; versions
# checked; pack entries join or override the built-in ones, with their origin.

$ TAFRUN_PATH=examples tafrun list packs | grep long-context | tr -s ' ' | cut -d' ' -f1-4
  long-context-research 1.0.0 TAFRUN_PATH examples/long-context-research

$ d=$(mktemp -d); mkdir -p $d/tafrun/packs; cp -r examples/long-context-research $d/tafrun/packs/; XDG_DATA_HOME=$d tafrun list recipes | grep LC-THETA | tr -s ' '; rm -rf $d
  LC-THETA RoPE base sweep long-context-research Which multiple of θ puts γ in the D_f compression zone at length T?

$ d=$(mktemp -d); mkdir -p $d/tafrun/packs; cp -r examples/long-context-research $d/tafrun/packs/; XDG_DATA_HOME=$d tafrun LC-THETA --model llama-3-8b --set T_eval=131072 --json | grep '"verdict"'; rm -rf $d
    "verdict": "IN ZONE",

$ tafrun --pack tests/cli/packs/too-new list recipes
! tafrun: pack too-new 3.0.0 requires tafrun >= 9.0, this is tafrun 0.1.0
[2]

$ tafrun --pack tests/cli/packs/prices list gpus | grep -E "^(H100 SXM|Lab A6000) " | tr -s ' '
  H100 SXM h100 80 3350 989 - 1.25 - prices
  Lab A6000 a6000 48 768 155 - 0.35 - prices

$ tafrun --pack tests/cli/packs/prices -e 'print(taf.gpu("a6000").name, taf.gpu("h100").usd_h, taf.model("acme").T_train)'
  Lab A6000	1.25	16384

$ tafrun --pack tests/cli/packs/prices x19 --model acme --json | grep '"model"'
    "model": "acme/acme-8b",

$ tafrun x19 --model acme
! tafrun: unknown model 'acme'; nearest: gpt2, jamba-v0.1, phi-4 (see 'tafrun list models')
[2]
