#!/usr/bin/python3
"""Trains ModelGrid's sample tabular models and writes them as ONNX with their cards and expected outputs.

Usage (from the repository root):

    /usr/bin/python3 eval-suites/models/train.py --data <folder> [--out eval-suites/models]

<folder> holds adult-train.csv, adult-test.csv and compas-scores-two-years-nopii.csv, the third-party
files declared in artifacts.json (the repository ships none of them). Each is checked against its
size and SHA-256 there before it is read.

Needs Debian's python3-sklearn, python3-onnx, python3-pandas and python3-numpy (DESIGN.md §9.8).
Re-running it on the same files with the same packages writes the same bytes: the fits are
deterministic, numeric work runs on one thread, and nothing written holds a time or a path.
"""

import os

# One BLAS thread: a multi-threaded reduction may sum in another order and change the last bits.
for _variable in ("OMP_NUM_THREADS", "OPENBLAS_NUM_THREADS", "MKL_NUM_THREADS"):
    os.environ[_variable] = "1"

import argparse
import hashlib
import json
import sys
import warnings
from pathlib import Path

import numpy as np
import onnx
import pandas as pd
import sklearn
from onnx import TensorProto, helper, numpy_helper
from sklearn.exceptions import ConvergenceWarning
from sklearn.linear_model import LogisticRegression
from sklearn.preprocessing import OneHotEncoder, StandardScaler

SCRIPT_DIR = Path(__file__).resolve().parent
ARTIFACTS_JSON = SCRIPT_DIR.parent.parent / "artifacts.json"

OPSET = 17
ML_OPSET = 3
IR_VERSION = 8  # the lowest IR version that carries opset 17; pinned so a newer onnx package writes the same bytes
PRODUCER = "ModelGrid eval-suites/models/train.py"
SKLEARN = "scikit-learn " + ".".join(sklearn.__version__.split(".")[:2])
BATCH = "N"
EXPECTED_ROWS = 8
GRAPH_TOLERANCE = 1e-5  # float32 graph against the float64 fit, absolute, on probabilities

ADULT_TRAIN = "adult-train.csv"
ADULT_TEST = "adult-test.csv"
COMPAS = "compas-scores-two-years-nopii.csv"

ADULT_COLUMNS = [
    "age", "workclass", "fnlwgt", "education", "education-num", "marital-status", "occupation",
    "relationship", "race", "sex", "capital-gain", "capital-loss", "hours-per-week", "native-country",
    "income",
]
ADULT_NUMERIC = ["age", "education-num", "capital-gain", "capital-loss", "hours-per-week"]
ADULT_CATEGORICAL = ["workclass", "marital-status", "occupation", "relationship", "race", "sex", "native-country"]
ADULT_ROWS = {ADULT_TRAIN: 32561, ADULT_TEST: 16281}

COMPAS_NUMERIC = ["age", "priors_count", "juv_fel_count", "juv_misd_count", "juv_other_count"]
COMPAS_CATEGORICAL = ["c_charge_degree", "sex", "race"]
COMPAS_ROWS = 7214
COMPAS_THRESHOLD = 5.0

# ProPublica, "How We Analyzed the COMPAS Recidivism Algorithm" (2016), and the notebook
# "Compas Analysis.ipynb" in propublica/compas-analysis: decile_score >= 5 ("Medium" or "High")
# against two_year_recid on all 7,214 rows. (tn, fp, fn, tp, FPR %, FNR %) as published.
PROPUBLICA_TABLE = [
    ("All defendants", None, 2681, 1282, 1216, 2035, "32.35", "37.40"),
    ("African-American", "African-American", 990, 805, 532, 1369, "44.85", "27.99"),
    ("Caucasian", "Caucasian", 1139, 349, 461, 505, "23.45", "47.72"),
]

ADULT_SOURCE = ("jbrownlee/Datasets", "d20fcb6402ae34e653d4513b00f39257bb37ed7f")
COMPAS_SOURCE = ("propublica/compas-analysis", "bafff5da3f2e45eca6c2d5055faad269defd135a")


class TrainingError(Exception):
    """A one-line reason the script stops."""


# ---------------------------------------------------------------------------------------------
# Inputs


def sha256_of(path):
    digest = hashlib.sha256()
    with open(path, "rb") as stream:
        for block in iter(lambda: stream.read(1 << 20), b""):
            digest.update(block)
    return digest.hexdigest()


def verified_inputs(data_dir):
    """The three input files, each checked against artifacts.json (size and SHA-256)."""
    try:
        declared = {a["name"]: a for a in json.loads(ARTIFACTS_JSON.read_text(encoding="utf-8"))["artifacts"]}
    except (OSError, ValueError, KeyError) as error:
        raise TrainingError(f"cannot read the artifact declarations in {ARTIFACTS_JSON}: {error}") from error
    paths = {}
    for name in (ADULT_TRAIN, ADULT_TEST, COMPAS):
        if name not in declared:
            raise TrainingError(f"{ARTIFACTS_JSON} declares no artifact named {name}")
        path = data_dir / name
        if not path.is_file():
            raise TrainingError(f"{name} is not in {data_dir} (artifacts.json declares its source)")
        size, digest = path.stat().st_size, sha256_of(path)
        if size != declared[name]["size"] or digest != declared[name]["sha256"]:
            raise TrainingError(
                f"{path} is not the declared {name}: {size} bytes, sha256 {digest}; "
                f"expected {declared[name]['size']} bytes, sha256 {declared[name]['sha256']}")
        paths[name] = path
    return paths


def read_adult(path, name):
    """UCI Adult without a header: values trimmed, '?' kept as a category, test labels without their dot."""
    frame = pd.read_csv(path, header=None, names=ADULT_COLUMNS, dtype=str, keep_default_na=False,
                        skipinitialspace=True, skip_blank_lines=True)
    frame = frame.apply(lambda column: column.str.strip())
    frame["income"] = frame["income"].str.rstrip(".")
    if len(frame) != ADULT_ROWS[name]:
        raise TrainingError(f"{name}: read {len(frame)} rows, expected {ADULT_ROWS[name]}")
    if not frame["income"].isin(["<=50K", ">50K"]).all():
        raise TrainingError(f"{name}: an income value is neither '<=50K' nor '>50K'")
    for column in ADULT_NUMERIC:
        frame[column] = frame[column].astype(np.float64)
    frame["label"] = (frame["income"] == ">50K").astype(np.int64)
    return frame


def read_compas(path):
    """ProPublica's two-year file. Its second decile_score and priors_count columns (pandas: '.1') are ignored."""
    frame = pd.read_csv(path, dtype={column: str for column in COMPAS_CATEGORICAL})
    if len(frame) != COMPAS_ROWS:
        raise TrainingError(f"{COMPAS}: read {len(frame)} rows, expected {COMPAS_ROWS}")
    for first, second in (("decile_score", "decile_score.1"), ("priors_count", "priors_count.1")):
        if not (frame[first] == frame[second]).all():
            raise TrainingError(f"{COMPAS}: the two {first} columns differ")
    for column in COMPAS_NUMERIC + ["decile_score"]:
        frame[column] = frame[column].astype(np.float64)
    frame["label"] = frame["two_year_recid"].astype(np.int64)
    if not frame["label"].isin([0, 1]).all():
        raise TrainingError(f"{COMPAS}: two_year_recid is not 0/1")
    return frame


# ---------------------------------------------------------------------------------------------
# Fitting


def reweighing(sensitive, label):
    """Kamiran & Calders: w(s, y) = P(s) P(y) / P(s, y), one weight per row, and the table of weights."""
    n = len(label)
    p_s = sensitive.value_counts() / n
    p_y = label.value_counts() / n
    p_sy = pd.crosstab(sensitive, label) / n
    table = {(s, y): float(p_s[s] * p_y[y] / p_sy.loc[s, y])
             for s in sorted(p_s.index) for y in sorted(p_y.index) if p_sy.loc[s, y] > 0}
    weights = np.array([table[(s, y)] for s, y in zip(sensitive, label)], dtype=np.float64)
    return weights, table


class LogisticModel:
    """Standardised numeric columns and one-hot categories into sklearn's LogisticRegression."""

    def __init__(self, numeric, categorical):
        self.numeric = list(numeric)
        self.categorical = list(categorical)
        self.scaler = StandardScaler()
        self.encoder = OneHotEncoder(handle_unknown="ignore", sparse_output=False, dtype=np.float64)
        self.classifier = LogisticRegression(C=1.0, solver="lbfgs", max_iter=10000, random_state=0)

    def fit(self, frame, label, sample_weight=None):
        numeric = self.scaler.fit_transform(frame[self.numeric].to_numpy(np.float64))
        categorical = self.encoder.fit_transform(frame[self.categorical].to_numpy(object))
        with warnings.catch_warnings():
            warnings.simplefilter("error", ConvergenceWarning)
            self.classifier.fit(np.hstack([numeric, categorical]), label.to_numpy(), sample_weight=sample_weight)
        return self

    def probability(self, frame):
        """P(label = 1) in float64, from predict_proba."""
        numeric = self.scaler.transform(frame[self.numeric].to_numpy(np.float64))
        categorical = self.encoder.transform(frame[self.categorical].to_numpy(object))
        return self.classifier.predict_proba(np.hstack([numeric, categorical]))[:, 1]

    @property
    def inputs(self):
        return self.numeric + self.categorical


# ---------------------------------------------------------------------------------------------
# ONNX


def batch_input(name, elem_type, doc):
    return helper.make_tensor_value_info(name, elem_type, [BATCH, 1], doc_string=doc)


def probability_output(doc):
    return helper.make_tensor_value_info("probability", TensorProto.FLOAT, [BATCH, 1], doc_string=doc)


def finish_model(graph, version, doc):
    model = helper.make_model(
        graph,
        ir_version=IR_VERSION,
        opset_imports=[helper.make_opsetid("", OPSET), helper.make_opsetid("ai.onnx.ml", ML_OPSET)],
        producer_name=PRODUCER,
        producer_version="1",
        model_version=version,
        doc_string=doc,
    )
    onnx.checker.check_model(model, full_check=True)
    inferred = onnx.shape_inference.infer_shapes(model, check_type=True, strict_mode=True)
    output = inferred.graph.output[0].type.tensor_type
    dims = [d.dim_param or d.dim_value for d in output.shape.dim]
    if output.elem_type != TensorProto.FLOAT or dims != [BATCH, 1]:
        raise TrainingError(f"{graph.name}: the output is not float32 [{BATCH}, 1] but {dims}")
    return model


def logistic_graph(name, version, fitted, input_docs, doc):
    """probability = Sigmoid(Concat(standardised numeric, one-hot categories) · W + b)."""
    mean = fitted.scaler.mean_.astype(np.float32)
    scale = fitted.scaler.scale_.astype(np.float32)
    coef = fitted.classifier.coef_.reshape(-1, 1).astype(np.float32)
    intercept = fitted.classifier.intercept_.astype(np.float32)
    initializers = [
        numpy_helper.from_array(mean, "numeric_mean"),
        numpy_helper.from_array(scale, "numeric_scale"),
        numpy_helper.from_array(coef, "coefficients"),
        numpy_helper.from_array(intercept, "intercept"),
    ]
    nodes = [
        helper.make_node("Concat", fitted.numeric, ["numeric"], name="concat_numeric", axis=1),
        helper.make_node("Sub", ["numeric", "numeric_mean"], ["numeric_centred"], name="centre"),
        helper.make_node("Div", ["numeric_centred", "numeric_scale"], ["numeric_standardised"], name="scale"),
    ]
    features = ["numeric_standardised"]
    # onnx's shape inference knows nothing of ai.onnx.ml's OneHotEncoder: its output ([N, 1, C], the input's
    # shape plus the category axis) is declared so that the rest of the graph can be checked.
    value_info = []
    for column, categories in zip(fitted.categorical, fitted.encoder.categories_):
        key = column.replace("-", "_")
        nodes.append(helper.make_node(
            "OneHotEncoder", [column], [f"{key}_onehot3d"], name=f"onehot_{key}", domain="ai.onnx.ml",
            cats_strings=[str(c) for c in categories], zeros=1))
        value_info.append(helper.make_tensor_value_info(f"{key}_onehot3d", TensorProto.FLOAT, [BATCH, 1, len(categories)]))
        nodes.append(helper.make_node("Flatten", [f"{key}_onehot3d"], [f"{key}_onehot"], name=f"flatten_{key}", axis=1))
        features.append(f"{key}_onehot")
    nodes += [
        helper.make_node("Concat", features, ["features"], name="concat_features", axis=1),
        helper.make_node("MatMul", ["features", "coefficients"], ["weighted"], name="weigh"),
        helper.make_node("Add", ["weighted", "intercept"], ["logit"], name="add_intercept"),
        helper.make_node("Sigmoid", ["logit"], ["probability"], name="sigmoid"),
    ]
    inputs = [batch_input(c, TensorProto.FLOAT, input_docs[c]) for c in fitted.numeric]
    inputs += [batch_input(c, TensorProto.STRING, input_docs[c]) for c in fitted.categorical]
    graph = helper.make_graph(nodes, name, inputs, [probability_output(doc["output"])], initializers,
                              value_info=value_info)
    return finish_model(graph, version, doc["model"])


def threshold_graph(name, version, doc):
    """probability = 1.0 when decile_score >= 5, else 0.0."""
    nodes = [
        helper.make_node("GreaterOrEqual", ["decile_score", "threshold"], ["medium_or_high"], name="at_least_five"),
        helper.make_node("Cast", ["medium_or_high"], ["probability"], name="to_float", to=TensorProto.FLOAT),
    ]
    threshold = numpy_helper.from_array(np.array(COMPAS_THRESHOLD, dtype=np.float32), "threshold")
    graph = helper.make_graph(
        nodes, name,
        [batch_input("decile_score", TensorProto.FLOAT, "COMPAS 'Risk of Recidivism' decile score, 1-10")],
        [probability_output(doc["output"])], [threshold])
    return finish_model(graph, version, doc["model"])


def run_graph(model, feeds):
    """A plain numpy reading of the few operators these graphs use, to check a graph without ONNX Runtime."""
    values = {init.name: numpy_helper.to_array(init) for init in model.graph.initializer}
    values.update(feeds)
    for node in model.graph.node:
        attributes = {a.name: helper.get_attribute_value(a) for a in node.attribute}
        args = [values[i] for i in node.input]
        op = (node.domain or "ai.onnx", node.op_type)
        if op == ("ai.onnx", "Concat"):
            result = np.concatenate(args, axis=attributes["axis"])
        elif op == ("ai.onnx", "Sub"):
            result = args[0] - args[1]
        elif op == ("ai.onnx", "Div"):
            result = args[0] / args[1]
        elif op == ("ai.onnx", "Add"):
            result = args[0] + args[1]
        elif op == ("ai.onnx", "MatMul"):
            result = np.matmul(args[0], args[1])
        elif op == ("ai.onnx", "Sigmoid"):
            result = (np.float32(1) / (np.float32(1) + np.exp(-args[0]))).astype(np.float32)
        elif op == ("ai.onnx", "Flatten"):
            axis = attributes["axis"]
            result = args[0].reshape(int(np.prod(args[0].shape[:axis])), -1)
        elif op == ("ai.onnx", "GreaterOrEqual"):
            result = args[0] >= args[1]
        elif op == ("ai.onnx", "Cast") and attributes["to"] == TensorProto.FLOAT:
            result = args[0].astype(np.float32)
        elif op == ("ai.onnx.ml", "OneHotEncoder"):
            if attributes.get("zeros", 1) != 1:
                raise TrainingError(f"{node.name}: zeros must be 1")
            categories = [c.decode("utf-8") for c in attributes["cats_strings"]]
            index = {c: i for i, c in enumerate(categories)}
            result = np.zeros(args[0].shape + (len(categories),), dtype=np.float32)
            for position, value in np.ndenumerate(args[0]):
                if value in index:
                    result[position + (index[value],)] = 1.0
        else:
            raise TrainingError(f"{node.name}: operator {op} is not read by this check")
        if isinstance(result, np.ndarray) and result.dtype == np.float64:
            raise TrainingError(f"{node.name}: computed in float64; the graph is float32")
        values[node.output[0]] = result
    return values[model.graph.output[0].name]


def graph_feeds(model, frame):
    feeds = {}
    for value in model.graph.input:
        column = frame[value.name].to_numpy()
        if value.type.tensor_type.elem_type == TensorProto.STRING:
            feeds[value.name] = column.astype(object).reshape(-1, 1)
        else:
            feeds[value.name] = column.astype(np.float32).reshape(-1, 1)
    return feeds


def check_graph(model, frame, reference):
    """The graph, read by run_graph on every evaluation row, against the float64 reference."""
    computed = run_graph(model, graph_feeds(model, frame)).astype(np.float64).ravel()
    difference = float(np.max(np.abs(computed - reference)))
    if difference > GRAPH_TOLERANCE:
        raise TrainingError(f"{model.graph.name}: the graph differs from the fit by {difference:.3g}")
    return difference


# ---------------------------------------------------------------------------------------------
# Outputs


def expected_json(input_names, frame, probability):
    rows = frame.head(EXPECTED_ROWS)
    inputs = {}
    for name in input_names:
        values = rows[name].tolist()
        inputs[name] = [v if isinstance(v, str) else float(v) for v in values]
    outputs = {"probability": [float(p) for p in probability[:EXPECTED_ROWS]]}

    def block(mapping):
        return ",\n".join(f"    {json.dumps(k)}: {json.dumps(v, ensure_ascii=False)}" for k, v in mapping.items())

    return f'{{\n  "inputs": {{\n{block(inputs)}\n  }},\n  "outputs": {{\n{block(outputs)}\n  }}\n}}\n'


def write_version(out_dir, model_name, version, model, card, expected):
    folder = out_dir / model_name / f"v{version}"
    folder.mkdir(parents=True, exist_ok=True)
    onnx_bytes = model.SerializeToString()
    (folder / "model.onnx").write_bytes(onnx_bytes)
    (folder / "README.md").write_bytes(card.encode("utf-8"))
    (out_dir / model_name / f"v{version}.expected.json").write_bytes(expected.encode("utf-8"))
    return hashlib.sha256(onnx_bytes).hexdigest()


def accuracy(label, probability, mask=None):
    predicted = (probability > 0.5).astype(np.int64)
    correct = predicted == label.to_numpy()
    if mask is not None:
        correct = correct[mask.to_numpy()]
    return float(correct.mean()), int(correct.size)


def report_accuracy(title, label, probability, groups):
    overall, n = accuracy(label, probability)
    lines = [f"  {title}: {overall:.6f} (n={n})"]
    for column, values in groups:
        for value in sorted(values.unique()):
            acc, count = accuracy(label, probability, values == value)
            lines.append(f"    {column}={value}: {acc:.6f} (n={count})")
    return lines


# ---------------------------------------------------------------------------------------------
# Cards


def yaml_front_matter(tags, datasets, model_name, result):
    lines = ["---", "license: Apache-2.0", "library_name: onnx", "pipeline_tag: tabular-classification", "tags:"]
    lines += [f"  - {t}" for t in tags]
    lines += ["datasets:"] + [f"  - {d}" for d in datasets]
    lines += ["model-index:", f"  - name: {model_name}"]
    if result is None:
        lines.append("    results: []")
    else:
        lines += [
            "    results:",
            "      - task:",
            "          type: tabular-classification",
            "        dataset:",
            f"          name: {result['dataset_name']}",
            f"          type: {result['dataset_type']}",
            "          split: train",
            "        metrics:",
            "          - type: accuracy",
            f"            value: {result['accuracy']:.6f}",
            f"            name: {result['metric_name']}",
            "            verified: false",
        ]
    lines.append("---")
    return "\n".join(lines) + "\n"


def io_table(rows):
    lines = ["| name | type | shape | meaning |", "| --- | --- | --- | --- |"]
    lines += [f"| `{name}` | {kind} | `[N, 1]` | {meaning} |" for name, kind, meaning in rows]
    return "\n".join(lines)


def weights_table(sensitive_name, label_names, table):
    lines = [f"| {sensitive_name} | label | weight |", "| --- | --- | --- |"]
    for (s, y), w in table.items():
        lines.append(f"| {s} | {label_names[y]} | {w:.6f} |")
    return "\n".join(lines)


RERUN = """## How it was made

`eval-suites/models/train.py` in the ModelGrid repository wrote this folder (model and card) and the expected outputs beside it. It reads the data from a folder given on the command line, checks each file against the size and SHA-256 declared in `artifacts.json`, and writes the same bytes on every run:

```
/usr/bin/python3 eval-suites/models/train.py --data <folder with the datasets>
```

The graph is written with `onnx.helper` (ONNX opset 17, `ai.onnx.ml` 3); every input and the output have a dynamic batch dimension `N`. `v{version}.expected.json` beside this folder holds the first 8 rows of {rows} and {outputs} for them, for a test that runs this graph in ONNX Runtime and compares (float32 tolerance).
"""

FIT_OUTPUTS = "the probabilities that the scikit-learn fit gives (`predict_proba`, float64)"
RULE_OUTPUTS = "the rule's outputs"

NO_SELF_REPORT = """## Evaluation

This card reports no results of its own. The grid adds the results it measures, each with its suite and job, to later revisions of this card.
"""


ADULT_INPUT_MEANING = {
    "age": ("float32", "age in years"),
    "education-num": ("float32", "years of education as coded by the census (1-16)"),
    "capital-gain": ("float32", "capital gains in dollars"),
    "capital-loss": ("float32", "capital losses in dollars"),
    "hours-per-week": ("float32", "usual working hours per week"),
    "workclass": ("string", "e.g. `Private`, `Self-emp-not-inc`, `?`"),
    "marital-status": ("string", "e.g. `Married-civ-spouse`, `Never-married`"),
    "occupation": ("string", "e.g. `Exec-managerial`, `Craft-repair`, `?`"),
    "relationship": ("string", "e.g. `Husband`, `Wife`, `Own-child`"),
    "race": ("string", "`White`, `Black`, `Asian-Pac-Islander`, `Amer-Indian-Eskimo`, `Other`"),
    "sex": ("string", "`Male` or `Female`"),
    "native-country": ("string", "e.g. `United-States`, `Mexico`, `?`"),
}

COMPAS_INPUT_MEANING = {
    "age": ("float32", "age in years at the screening"),
    "priors_count": ("float32", "number of prior offences"),
    "juv_fel_count": ("float32", "number of juvenile felonies"),
    "juv_misd_count": ("float32", "number of juvenile misdemeanours"),
    "juv_other_count": ("float32", "number of other juvenile offences"),
    "c_charge_degree": ("string", "degree of the charge that led to the screening: `F` (felony) or `M` (misdemeanour)"),
    "sex": ("string", "`Male` or `Female`"),
    "race": ("string", "`African-American`, `Caucasian`, `Hispanic`, `Other`, `Asian`, `Native American`"),
}


def adult_stats(train):
    """The training-data figures the Adult cards quote, computed rather than typed."""
    race = train["race"].value_counts()
    base = train.groupby("sex")["label"].mean()
    return {
        "rows": len(train), "positives": int(train["label"].sum()), "rate": 100 * train["label"].mean(),
        "female": int((train["sex"] == "Female").sum()), "aie": int(race["Amer-Indian-Eskimo"]), "other": int(race["Other"]),
        "male_rate": 100 * base["Male"], "female_rate": 100 * base["Female"],
    }


def adult_card(version, fitted, train_accuracy, weights, stats):
    name = "adult-income"
    summaries = {
        1: ("logistic regression on all features, sensitive attributes included",
            "It sees `race` and `sex` as inputs like any other column."),
        2: ('logistic regression without the sensitive attributes ("fairness through unawareness")',
            "It has no `race` and no `sex` input at all. That does not make it blind to them: `relationship` "
            "(`Husband`, `Wife`) and `marital-status` carry much of `sex`, and `native-country` some of `race`, so "
            "the grid's per-group results, not the missing inputs, say how it treats the groups."),
        3: ("logistic regression trained with Kamiran-Calders reweighing over sex × label",
            "It has v1's inputs, `race` and `sex` included; the training rows were weighted so that sex and the "
            "label are independent in the weighted training data (weights under Training). Race was not reweighed."),
    }
    what, sensitive = summaries[version]
    result = None
    if version == 1:
        result = {"dataset_name": "UCI Adult (Census Income), training split", "dataset_type": ADULT_TRAIN,
                  "metric_name": "Accuracy on the training rows (self-reported)", "accuracy": train_accuracy}
    tags = ["onnx", "tabular-classification", "logistic-regression", "fairness", "adult", "sample-model"]
    if version == 3:
        tags.append("reweighing")
    rows = [(c, *ADULT_INPUT_MEANING[c]) for c in fitted.inputs]
    rows.append(("probability", "float32", "output: P(income > 50K)"))
    categories = ", ".join(f"`{c}` {len(k)}" for c, k in zip(fitted.categorical, fitted.encoder.categories_))
    parts = [
        yaml_front_matter(tags, [ADULT_TRAIN], name, result),
        f"\n# Adult income, v{version}: {what}\n",
        "\nA sample model of ModelGrid's evaluation grid. It estimates the probability that a person's yearly "
        "income exceeds 50,000 dollars from the 1994 US census record in the UCI Adult dataset. "
        "It exists to be compared with its other versions on the grid's fairness suite, not to be used.\n",
        "\n## Inputs and outputs\n\n",
        "One input per column, named exactly like the Adult column, each of shape `[N, 1]` (`N` is the batch):\n\n",
        io_table(rows) + "\n",
        "\nNumeric inputs are standardised inside the graph with the training mean and standard deviation. "
        "String inputs are one-hot encoded inside the graph (`ai.onnx.ml` OneHotEncoder) with the categories seen in "
        f"training ({categories}); a value not seen in training, e.g. with other spelling or spaces, becomes all zeros. "
        "Values are expected trimmed, as in the dataset after removing the space after each comma; a missing value "
        "is the category `?`, as in the dataset. `fnlwgt` and `education` are not used (`education-num` codes "
        "the same as `education`).\n",
        "\n## Training\n\n",
        f"- Data: `{ADULT_TRAIN}`, the UCI Adult training split, all 32,561 rows (no row dropped; `?` kept as its own "
        f"category). Label 1 = income `>50K` ({stats['positives']:,} rows, {stats['rate']:.2f}%).\n",
        f"- Model: {SKLEARN} `LogisticRegression(C=1.0, solver=\"lbfgs\", max_iter=10000)` on the standardised "
        "numeric columns and the one-hot categories, then written as an ONNX graph.\n",
    ]
    if version == 3:
        parts.append("- Sample weights: w(s, y) = P(s)·P(y) / P(s, y) over sex × label on the training rows "
                     "(Kamiran & Calders, 2012, \"Data preprocessing techniques for classification without "
                     "discrimination\"; AIF360's `Reweighing`):\n\n" +
                     weights_table("sex", {0: "`<=50K`", 1: "`>50K`"}, weights) + "\n\n")
    parts.append(
        f"- Accuracy on its own training rows (threshold 0.5): {train_accuracy:.6f}"
        f"{' (self-reported in the front matter)' if version == 1 else ''}.\n")
    parts += [
        "\n## Training data\n\n",
        "UCI Adult (\"Census Income\"), donated by Ronny Kohavi and Barry Becker (1996), extracted from the 1994 "
        "Current Population Survey. Cite: Becker, B. & Kohavi, R. (1996), Adult, UCI Machine Learning Repository, "
        "doi:10.24432/C5XW20. Licence: CC BY 4.0 (as the UCI repository lists it; attribution required). "
        f"The file used is `{ADULT_TRAIN}` from `{ADULT_SOURCE[0]}` at commit `{ADULT_SOURCE[1]}` (UCI `adult.data` "
        "verbatim); `artifacts.json` in the ModelGrid repository declares its size and SHA-256. The repository "
        "does not ship the data.\n",
        "\n## Sensitive attributes\n\n",
        sensitive + " The grid's suite `adult-income` compares the versions by `sex` (privileged `Male`), `race` "
        "(privileged `White`) and their intersection on the 16,281 rows of the UCI test split.\n",
        "\n## Intended use\n\n",
        "A sample for the grid's fairness comparison of model versions (v1 all features, v2 without the sensitive "
        "attributes, v3 reweighed) and for tests of the grid's ONNX pipeline. **Not for decisions about people**: "
        "the data are a 1994 census extract, the model is a plain linear one, and no version was checked for "
        "being fit for any real use.\n",
        "\n## Limits\n\n",
        "- The data are from 1994 and US-only; incomes are not adjusted for inflation, so the 50K line means "
        "something else today.\n",
        f"- Groups are unequal in size (in training: Female {stats['female']:,} of {stats['rows']:,}; Amer-Indian-Eskimo "
        f"{stats['aie']}, Other {stats['other']}) and in base rate (`>50K`: Male {stats['male_rate']:.1f}%, Female "
        f"{stats['female_rate']:.1f}%), so per-group results on the small groups are noisy.\n",
        "- A linear model on one-hot categories: no interactions; rare categories (some native countries have "
        "a handful of rows) get poorly estimated weights.\n",
        "- `?` is a category, not an imputed value; rows with `?` concentrate in some groups.\n",
        "\n",
    ]
    if version != 1:
        parts.append(NO_SELF_REPORT + "\n")
    else:
        parts.append("## Evaluation\n\nThe front matter holds one self-reported result: accuracy on the training rows, "
                     "which says nothing about unseen data. The grid adds the results it measures on the test split, "
                     "each with its suite and job, to later revisions of this card.\n\n")
    parts.append(RERUN.format(version=version, rows=f"`{ADULT_TEST}` (trimmed, label without its dot)",
                              outputs=FIT_OUTPUTS))
    return "".join(parts)


COMPAS_DATA = (
    "ProPublica's COMPAS data (Angwin, Larson, Mattu & Kirchner, \"Machine Bias\", ProPublica, 2016): people "
    "screened with the COMPAS risk tool in Broward County, Florida, in 2013-2014, and whether they were "
    "charged with a new offence within two years. The file used is `{file}`, derived from "
    f"`compas-scores-two-years.csv` in `{COMPAS_SOURCE[0]}` at commit `{COMPAS_SOURCE[1]}` by removing the "
    "columns `name`, `first`, `last` and `dob` (names and birth dates of real people); `artifacts.json` in the "
    "ModelGrid repository declares both files' sizes and SHA-256 and the transform. Licence: none stated "
    "(the repository has no licence file); the data are public court records that ProPublica released for "
    "analysis. The ModelGrid repository does not ship the data.\n"
).format(file=COMPAS)


def compas_card(version, fitted, train_accuracy, train_rows, weights, race_counts):
    name = "compas-recidivism"
    summaries = {
        1: ("logistic regression on criminal history and demographics, race and sex included",
            "It sees `race` and `sex` as inputs like any other column. Using race to predict re-arrest is exactly "
            "what a real risk tool must not do; this version is here as the counter-example the grid should flag."),
        2: ('logistic regression without race and sex ("fairness through unawareness")',
            "It has no `race` and no `sex` input at all. `priors_count` and `age` differ between the groups "
            "(arrest records reflect policing as well as behaviour), so leaving race out does not make the "
            "scores independent of it; the grid's per-group results say how it treats the groups."),
        3: ("logistic regression trained with Kamiran-Calders reweighing over race × label",
            "It has v1's inputs, `race` and `sex` included; the training rows were weighted so that race and the "
            "label are independent in the weighted training data (weights under Training). Sex was not reweighed."),
    }
    what, sensitive = summaries[version]
    result = None
    if version == 1:
        result = {"dataset_name": "ProPublica COMPAS two-year recidivism, even-id rows", "dataset_type": COMPAS,
                  "metric_name": "Accuracy on the training rows (self-reported)", "accuracy": train_accuracy}
    tags = ["onnx", "tabular-classification", "logistic-regression", "fairness", "compas", "sample-model"]
    if version == 3:
        tags.append("reweighing")
    rows = [(c, *COMPAS_INPUT_MEANING[c]) for c in fitted.inputs]
    rows.append(("probability", "float32", "output: P(two_year_recid = 1), the probability of a new charge within two years"))
    categories = ", ".join(f"`{c}` {len(k)}" for c, k in zip(fitted.categorical, fitted.encoder.categories_))
    parts = [
        yaml_front_matter(tags, [COMPAS], name, result),
        f"\n# COMPAS recidivism, v{version}: {what}\n",
        "\nA sample model of ModelGrid's evaluation grid. It estimates the probability that a person screened "
        "with COMPAS in Broward County was charged again within two years, from the person's criminal history "
        "and (in v1 and v3) demographics. It exists to be compared with the other versions, and with the "
        "vendor's own score (v4), on the grid's fairness suite.\n",
        "\n## Inputs and outputs\n\n",
        "One input per column, named exactly like the column of ProPublica's file, each of shape `[N, 1]`:\n\n",
        io_table(rows) + "\n",
        "\nNumeric inputs are standardised inside the graph with the training mean and standard deviation. "
        "String inputs are one-hot encoded inside the graph (`ai.onnx.ml` OneHotEncoder) with the categories seen "
        f"in training ({categories}); a value not seen in training becomes all zeros.\n",
        "\n## Training\n\n",
        f"- Data: `{COMPAS}`, the {train_rows:,} rows whose `id` is even (of 7,214). Label `two_year_recid`, "
        "1 = charged again within two years = the positive class. Where the file has a column twice "
        "(`priors_count`), the first is used.\n",
        f"- Model: {SKLEARN} `LogisticRegression(C=1.0, solver=\"lbfgs\", max_iter=10000)` on the "
        "standardised numeric columns and the one-hot categories, then written as an ONNX graph.\n",
    ]
    if version == 3:
        parts.append("- Sample weights: w(s, y) = P(s)·P(y) / P(s, y) over race × label on the training rows "
                     "(Kamiran & Calders, 2012; AIF360's `Reweighing`):\n\n" +
                     weights_table("race", {0: "0 (not re-arrested)", 1: "1 (re-arrested)"}, weights) + "\n\n")
    parts.append(
        f"- Accuracy on its own training rows (threshold 0.5): {train_accuracy:.6f}"
        f"{' (self-reported in the front matter)' if version == 1 else ''}.\n")
    parts += [
        "\n**The grid's suite evaluates ProPublica's 7,214 rows, which include the even-id rows this model was "
        "trained on, so its accuracy there is optimistic.** The suite uses all rows so that the vendor's score "
        "(v4) reproduces ProPublica's published table; compare the versions with that in mind.\n",
        "\n## Training data\n\n", COMPAS_DATA,
        "\n## Sensitive attributes\n\n",
        sensitive + " The grid's suite `compas-recidivism` compares the versions by `race` (privileged "
        "`Caucasian`) and `sex` (privileged `Female`). There the positive class is re-arrest (the harmful "
        "prediction), while AIF360 treats \"no recidivism\" as the favourable label; the suite states which.\n",
        "\n## Intended use\n\n",
        "A sample for the grid's fairness comparison and for tests of the grid's ONNX pipeline. **Not for "
        "decisions about people** - not bail, sentencing, parole, policing or anything else. Re-arrest is a "
        "record of police and court activity, not of behaviour alone.\n",
        "\n## Limits\n\n",
        "- One county, 2013-2014; the label counts charges, which depend on who is policed.\n",
        f"- Small groups: Asian ({race_counts['Asian']} rows) and Native American ({race_counts['Native American']} rows) in the whole file; their per-group "
        "results are noise.\n",
        "- A linear model with few features; no interactions.\n",
        "- Trained on half the rows the suite evaluates (see above).\n",
        "\n",
    ]
    if version != 1:
        parts.append(NO_SELF_REPORT + "\n")
    else:
        parts.append("## Evaluation\n\nThe front matter holds one self-reported result: accuracy on the training rows. "
                     "The grid adds the results it measures, each with its suite and job, to later revisions of this "
                     "card.\n\n")
    parts.append(RERUN.format(version=version, rows=f"`{COMPAS}`", outputs=FIT_OUTPUTS))
    return "".join(parts)


def compas_rule_card(version, table_rows):
    lines = ["| group | tn | fp | fn | tp | FPR | FNR |", "| --- | --- | --- | --- | --- | --- | --- |"]
    for label, _, tn, fp, fn, tp, fpr, fnr in table_rows:
        lines.append(f"| {label} | {tn:,} | {fp:,} | {fn:,} | {tp:,} | {fpr}% | {fnr}% |")
    table = "\n".join(lines)
    parts = [
        yaml_front_matter(["onnx", "tabular-classification", "rule", "fairness", "compas", "sample-model"],
                          [COMPAS], "compas-recidivism", None),
        f"\n# COMPAS recidivism, v{version}: the vendor's score as ProPublica read it\n",
        "\nNo training: this graph turns the COMPAS \"Risk of Recidivism\" decile score that Northpointe's tool "
        "gave each person (1-10, in ProPublica's file) into the prediction ProPublica analysed: \"Medium\" or "
        "\"High\" risk (decile 5 or more) predicts re-arrest. It puts the vendor's tool on the grid beside the "
        "project's own versions.\n",
        "\n## Inputs and outputs\n\n",
        io_table([("decile_score", "float32", "the COMPAS decile score, 1-10 (the first `decile_score` column of the file)"),
                  ("probability", "float32", "output: 1.0 when `decile_score` >= 5, else 0.0")]) + "\n",
        "\nThe graph is `Cast(GreaterOrEqual(decile_score, 5.0), float)`. The output is a hard 0/1, so any threshold "
        "in (0, 1] gives the same prediction.\n",
        "\n## ProPublica's published table\n\n",
        "On all 7,214 rows of `compas-scores-two-years.csv`, with label `two_year_recid` (1 = charged again "
        "within two years = positive) and this rule as the prediction, ProPublica published:\n\n",
        table + "\n",
        "\nFPR = fp / (fp + tn): people not re-arrested but rated Medium/High. FNR = fn / (fn + tp): people re-arrested "
        "but rated Low. Sources: J. Larson, S. Mattu, L. Kirchner and J. Angwin, \"How We Analyzed the COMPAS "
        "Recidivism Algorithm\", ProPublica, 2016, and the notebook `Compas Analysis.ipynb` in "
        f"`{COMPAS_SOURCE[0]}` (commit `{COMPAS_SOURCE[1]}`). `train.py` recomputes every cell of this table "
        "with pandas from the file and stops if one differs, and the grid's suite `compas-recidivism` evaluates "
        "this version on the same rows, so its results can be checked against the table.\n",
        "\n## Data\n\n", COMPAS_DATA,
        "\n## Sensitive attributes\n\n",
        "The rule reads only the vendor's score; what the vendor's tool used to make that score is not public. "
        "ProPublica's finding - a higher FPR for African-American than for Caucasian defendants and a higher FNR for "
        "Caucasian ones, at similar accuracy - is the disparity the grid's suite measures by `race` (privileged "
        "`Caucasian`) and `sex` (privileged `Female`).\n",
        "\n## Intended use\n\n",
        "A reference point for the grid's fairness comparison and a check of the suite against published numbers. "
        "**Not for decisions about people.**\n",
        "\n## Limits\n\n",
        "- The cut at 5 is ProPublica's reading of \"Medium or High\"; the vendor's tool reports categories, not this "
        "binary rule.\n",
        "- Same data limits as the other versions: one county, 2013-2014, re-arrest as a proxy for re-offending.\n",
        "\n", NO_SELF_REPORT, "\n", RERUN.format(version=version, rows=f"`{COMPAS}`", outputs=RULE_OUTPUTS),
    ]
    return "".join(parts)


# ---------------------------------------------------------------------------------------------
# Main


def train_adult(paths, out_dir, log):
    train = read_adult(paths[ADULT_TRAIN], ADULT_TRAIN)
    test = read_adult(paths[ADULT_TEST], ADULT_TEST)
    input_docs = {c: f"Adult column '{c}'" for c in ADULT_NUMERIC + ADULT_CATEGORICAL}
    weights, table = reweighing(train["sex"], train["label"])
    stats = adult_stats(train)
    variants = [
        (1, ADULT_CATEGORICAL, None),
        (2, [c for c in ADULT_CATEGORICAL if c not in ("race", "sex")], None),
        (3, ADULT_CATEGORICAL, weights),
    ]
    for version, categorical, sample_weight in variants:
        fitted = LogisticModel(ADULT_NUMERIC, categorical).fit(train, train["label"], sample_weight)
        train_p, test_p = fitted.probability(train), fitted.probability(test)
        train_accuracy, _ = accuracy(train["label"], train_p)
        doc = {"model": f"ModelGrid sample model adult-income v{version}: P(income > 50K) from UCI Adult columns.",
               "output": "P(income > 50K)"}
        model = logistic_graph(f"adult_income_v{version}", version, fitted, input_docs, doc)
        difference = check_graph(model, test, test_p)
        card = adult_card(version, fitted, train_accuracy, table if version == 3 else None, stats)
        digest = write_version(out_dir, "adult-income", version, model, card,
                               expected_json(fitted.inputs, test, test_p))
        log.append(f"adult-income v{version}: sha256 {digest}; graph vs fit on {len(test)} test rows: max |diff| {difference:.3g}")
        log.append(f"  training accuracy: {train_accuracy:.6f} (n={len(train)})")
        log += report_accuracy("test accuracy", test["label"], test_p, [("sex", test["sex"]), ("race", test["race"])])
        if version == 3:
            log.append("  weights: " + ", ".join(f"{s}/{y}={w:.6f}" for (s, y), w in table.items()))


def train_compas(paths, out_dir, log):
    data = read_compas(paths[COMPAS])
    train = data[data["id"] % 2 == 0].reset_index(drop=True)
    input_docs = {c: f"COMPAS column '{c}'" for c in COMPAS_NUMERIC + COMPAS_CATEGORICAL}
    weights, table = reweighing(train["race"], train["label"])
    variants = [
        (1, COMPAS_CATEGORICAL, None),
        (2, ["c_charge_degree"], None),
        (3, COMPAS_CATEGORICAL, weights),
    ]
    held_out = data["id"] % 2 == 1
    for version, categorical, sample_weight in variants:
        fitted = LogisticModel(COMPAS_NUMERIC, categorical).fit(train, train["label"], sample_weight)
        train_p, all_p = fitted.probability(train), fitted.probability(data)
        train_accuracy, _ = accuracy(train["label"], train_p)
        doc = {"model": f"ModelGrid sample model compas-recidivism v{version}: P(two_year_recid = 1) from ProPublica's COMPAS columns.",
               "output": "P(two_year_recid = 1)"}
        model = logistic_graph(f"compas_recidivism_v{version}", version, fitted, input_docs, doc)
        difference = check_graph(model, data, all_p)
        card = compas_card(version, fitted, train_accuracy, len(train), table if version == 3 else None,
                           data["race"].value_counts())
        digest = write_version(out_dir, "compas-recidivism", version, model, card,
                               expected_json(fitted.inputs, data, all_p))
        log.append(f"compas-recidivism v{version}: sha256 {digest}; graph vs fit on {len(data)} rows: max |diff| {difference:.3g}")
        log.append(f"  training accuracy: {train_accuracy:.6f} (n={len(train)})")
        log += report_accuracy("accuracy on all 7,214 rows", data["label"], all_p, [("race", data["race"]), ("sex", data["sex"])])
        held_accuracy, held_n = accuracy(data["label"], all_p, held_out)
        log.append(f"  accuracy on the odd-id rows (not trained on): {held_accuracy:.6f} (n={held_n})")
        if version == 3:
            log.append("  weights: " + ", ".join(f"{s}/{y}={w:.6f}" for (s, y), w in table.items()))

    # v4: the vendor's rule, checked against ProPublica's published table before it is written.
    rule = (data["decile_score"] >= COMPAS_THRESHOLD).astype(np.float64).to_numpy()
    label = data["label"].to_numpy()
    for title, race, tn, fp, fn, tp, fpr, fnr in PROPUBLICA_TABLE:
        mask = np.ones(len(data), bool) if race is None else (data["race"] == race).to_numpy()
        counts = tuple(int(((rule[mask] == p) & (label[mask] == y)).sum()) for p, y in ((0, 0), (1, 0), (0, 1), (1, 1)))
        rates = (f"{100 * counts[1] / (counts[1] + counts[0]):.2f}", f"{100 * counts[2] / (counts[2] + counts[3]):.2f}")
        if counts != (tn, fp, fn, tp) or rates != (fpr, fnr):
            raise TrainingError(f"decile_score >= 5 on {title}: tn/fp/fn/tp {counts}, FPR/FNR {rates}; "
                                f"ProPublica published {(tn, fp, fn, tp)}, {(fpr, fnr)}")
    doc = {"model": "ModelGrid sample model compas-recidivism v4: 1.0 when the COMPAS decile score is 5 or more (Medium or High risk), else 0.0.",
           "output": "1.0 when decile_score >= 5, else 0.0"}
    model = threshold_graph("compas_recidivism_v4", 4, doc)
    difference = check_graph(model, data, rule)
    digest = write_version(out_dir, "compas-recidivism", 4, model, compas_rule_card(4, PROPUBLICA_TABLE),
                           expected_json(["decile_score"], data, rule))
    log.append(f"compas-recidivism v4: sha256 {digest}; graph vs rule on {len(data)} rows: max |diff| {difference:.3g}")
    log.append("  ProPublica's table reproduced: " + "; ".join(f"{t} FPR {a}% FNR {b}%" for t, _, _, _, _, _, a, b in PROPUBLICA_TABLE))
    log += report_accuracy("accuracy on all 7,214 rows", data["label"], rule, [("race", data["race"]), ("sex", data["sex"])])


def main(argv=None):
    parser = argparse.ArgumentParser(description="Train ModelGrid's sample tabular models and write them as ONNX.")
    parser.add_argument("--data", required=True, type=Path,
                        help=f"folder holding {ADULT_TRAIN}, {ADULT_TEST} and {COMPAS}")
    parser.add_argument("--out", type=Path, default=SCRIPT_DIR,
                        help="where to write the model folders (default: this script's folder)")
    args = parser.parse_args(argv)
    try:
        paths = verified_inputs(args.data)
        args.out.mkdir(parents=True, exist_ok=True)
        log = []
        train_adult(paths, args.out, log)
        train_compas(paths, args.out, log)
    except TrainingError as error:
        print(f"train.py: {error}", file=sys.stderr)
        return 1
    print("\n".join(log))
    return 0


if __name__ == "__main__":
    sys.exit(main())
