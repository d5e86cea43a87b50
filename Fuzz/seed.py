#!/usr/bin/env python3
"""Writes the seed inputs into Fuzz/Corpus/TARGET/seed-*: real commands, CSV and JSON
files, and lessons. Run it once before fuzzing a fresh corpus; ./run.sh merges the corpus
afterwards, so seeds that add nothing are dropped again."""
import json
import pathlib
import re

FUZZ = pathlib.Path(__file__).resolve().parent
ROOT = FUZZ.parent


def write(target, name, data):
    folder = FUZZ / "Corpus" / target
    folder.mkdir(parents=True, exist_ok=True)
    (folder / f"seed-{name}").write_bytes(data if isinstance(data, bytes) else data.encode())


def swift_string(literal):
    """The text of a Swift string literal's body: \\u{…}, \\n, \\t, \\" and \\\\."""
    escapes = {"n": "\n", "t": "\t", '"': '"', "\\": "\\", "0": "\0"}
    return re.sub(r'\\(u\{([0-9A-Fa-f]+)\}|.)',
                  lambda m: chr(int(m.group(2), 16)) if m.group(2) else escapes.get(m.group(1), m.group(1)), literal)


def command_seeds():
    # The first byte is the setting (see FuzzEntry.commands): '@' a prompt, 'A' the same after
    # `net 2-2-1` / `data students`, 'H' a script, 'K' an ascii script after the prelude.
    for path in sorted((ROOT / "Tests/NNShellTests/Transcripts").glob("*.nn")):
        text = path.read_text()
        write("command", f"{path.stem}", "@\n" + text)
        write("command", f"{path.stem}-script", "H\n" + text)
    hostile = (ROOT / "Tests/NNShellTests/HostileInputTests.swift").read_text()
    inputs = [swift_string(s) for s in re.findall(r'input: "((?:[^"\\]|\\.)*)"', hostile)]
    write("command", "hostile", "A\n" + "\n".join(inputs) + "\n")
    write("command", "files", "A\ndata load a.csv\ndata load labels.csv\ndata load empty.csv\n"
          "data load latin1.csv\ndata load folder\nexport json out.json\nimport json out.json\n"
          "import json state.json\nnet 2-3-3\ndata load labels.csv\nstep\nlessons\nload 01\n\n\n")
    write("command", "tour", "A\nstep\nshow gradients\ninspect w1_21\nundo\nhelp step\nplot loss\n"
          "epoch 5\nplot loss\nshow forward\n")
    write("command", "narrow", b"\xb1\n" + b"net 2-3-2 act=relu,softmax loss=cce\ndata add 1 2 -> 1\n"
          b"step\nshow weights\nplot loss\nhelp\n")
    for lesson in sorted((ROOT / "Lessons").glob("*.lesson")):
        write("command", f"load-{lesson.stem}", "@\nload " + lesson.stem[:2] + "\n\n\n\nhint\n\n\n")


def csv_seeds():
    # The first byte chooses the targets: '0' the last column, '1' y, '2' column 1, '3' x1 and 2.
    write("csv", "xor100", "0" + (ROOT / "Benchmarks/data/xor100.csv").read_text())
    digits = (ROOT / "Benchmarks/data/digits.csv").read_text().splitlines()
    write("csv", "digits-head", "0" + "\n".join(digits[:4]) + "\n")
    samples = {
        "students": "1x1,x2,y\n3,2,4\n1,4,6\n\r\n",
        "crlf": "0x1,x2,y\r\n1,2,3\r\n4,5,6\r\n",
        "bom": "0\ufeffa,b\n1,2\n",
        "two-targets": "3x1,x2,x3\n1,2,3\n",
        "ragged": "0x1,x2,y\n1,2,3\n4,5\n",
        "text": "0x1,x2,y\n1,2,3\n4,abc,6\n",
        "dup": "1x,x,y\n1,2,3\n",
        "numbers": "2a,b,c\n+1,-.5,2.5e-3\n1e308,1e309,0x10\nnan,inf,-0\n",
        "blank-lines": "0\n\n a , b \n\t1\t, 2 \n\n",
    }
    for name, text in samples.items():
        write("csv", name, text)


def json_seeds():
    # Benchmarks/data/deep_net.json trimmed to its first layers: a 2-8-8-1 network.
    deep = json.loads((ROOT / "Benchmarks/data/deep_net.json").read_text())
    sizes = [2, 8, 8, 1]
    kept = {name: value for name, value in deep["parameters"].items()
            if int(re.match(r"[wb](\d+)", name).group(1)) <= 2}
    kept.update({f"w3_{j}_1": 0.5 for j in range(1, 9)}, b3_1=0.0)
    trimmed = {"network": {"sizes": sizes, "activations": ["sigmoid", "tanh", "linear"], "loss": "mse"},
               "parameters": kept}
    write("json", "deep_net-trimmed", json.dumps(trimmed, indent=1))
    small = {
        "network": {"sizes": [2, 2, 1], "activations": ["sigmoid", "linear"], "loss": "mse"},
        "parameters": {"w1_11": 1, "w1_12": 1, "w1_21": 1, "w1_22": 1, "b1_1": 0, "b1_2": 0,
                       "w2_11": 1, "w2_21": 1, "b2_1": 0},
        "learning_rate": 0.1, "mode": "minibatch", "batch_size": 2, "order": "random", "seed": 7,
    }
    write("json", "small", json.dumps(small, indent=1))
    write("json", "perceptron", '{"network": {"sizes": [2, 1], "activations": ["step"], "loss": "perceptron"},'
          ' "parameters": {"w1_11": 0.5, "w1_21": -1e-300, "b1_1": 0}}')
    write("json", "escapes", '{"network": {"sizes": [1, 1]}, "parameters": {"w1_11": 1.5E+2, "b\\u0031_1": -0.0},'
          ' "x": [null, true, false, "\\n\\t\\"\\\\\\/\\ud800"]}')
    write("json", "truncated", '{"network": {"sizes": [2, 1')
    write("json", "nested", "[" * 300 + "]" * 300)


def lesson_seeds():
    for lesson in sorted((ROOT / "Lessons").glob("*.lesson")):
        write("lesson", lesson.stem, lesson.read_bytes())


if __name__ == "__main__":
    command_seeds()
    csv_seeds()
    json_seeds()
    lesson_seeds()
