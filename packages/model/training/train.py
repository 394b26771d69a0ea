#!/usr/bin/env python3
"""Trains the bicycle/motorcycle classifier that the local endpoint serves.

Reads SageMaker's image-classification layout (a folder with train/ and train.lst: index, label,
relative path, tab-separated), holds out a validation split chosen by a hash of each path (so
the TypeScript evaluator picks the same images), trains a small CNN with augmentation and a
fixed seed, and writes an ONNX model plus metadata.json (labels, input size, normalisation,
validation accuracy, a fingerprint of the training list).

Usage: python3 train.py --data DIR --out DIR [--epochs N] [--seed N]
"""
import argparse
import datetime
import hashlib
import json
import os
import random
import sys
import time

import torch
import torch.nn as nn
import torch.nn.functional as F
from PIL import Image

LABELS = ["bicycle", "motorcycle"]
SIZE = 32


def is_validation(relative_path: str) -> bool:
    """One image in five, chosen by the first byte of the SHA-256 of its path in the .lst file."""
    return hashlib.sha256(relative_path.encode("utf-8")).digest()[0] % 5 == 0


def read_lst(data_dir: str, lst_name: str):
    items = []
    with open(os.path.join(data_dir, lst_name), encoding="utf-8") as lst:
        for line_number, line in enumerate(lst, 1):
            if not line.strip():
                continue
            fields = line.rstrip("\n").split("\t")
            if len(fields) != 3:
                sys.exit(f"{lst_name}:{line_number}: expected index, label, path separated by tabs")
            items.append((int(float(fields[1])), fields[2]))
    return items


def load_images(data_dir: str, image_dir: str, items):
    pixels = torch.empty((len(items), 3, SIZE, SIZE), dtype=torch.float32)
    labels = torch.empty(len(items), dtype=torch.long)
    for i, (label, path) in enumerate(items):
        with Image.open(os.path.join(data_dir, image_dir, path)) as image:
            rgb = image.convert("RGB").resize((SIZE, SIZE), Image.BILINEAR)
            data = torch.frombuffer(bytearray(rgb.tobytes()), dtype=torch.uint8)
        pixels[i] = data.view(SIZE, SIZE, 3).permute(2, 0, 1).float() / 255.0
        labels[i] = label
    return pixels, labels


def augment(batch: torch.Tensor) -> torch.Tensor:
    """Random 32x32 crops of the image padded by 4 (reflected), random horizontal flips, and a
    little brightness and contrast jitter."""
    n = batch.shape[0]
    padded = F.pad(batch, (4, 4, 4, 4), mode="reflect")
    out = torch.empty_like(batch)
    offsets = torch.randint(0, 9, (n, 2))
    flips = torch.rand(n) < 0.5
    for i in range(n):
        y, x = offsets[i].tolist()
        crop = padded[i, :, y : y + SIZE, x : x + SIZE]
        out[i] = torch.flip(crop, dims=[2]) if flips[i] else crop
    brightness = 1 + (torch.rand(n, 1, 1, 1) - 0.5) * 0.4
    contrast = 1 + (torch.rand(n, 1, 1, 1) - 0.5) * 0.4
    mean = out.mean(dim=(1, 2, 3), keepdim=True)
    return ((out - mean) * contrast + mean * brightness).clamp(0, 1)


def conv_block(c_in: int, c_out: int) -> nn.Sequential:
    return nn.Sequential(nn.Conv2d(c_in, c_out, 3, padding=1, bias=False), nn.BatchNorm2d(c_out), nn.ReLU(inplace=True))


class BikeNet(nn.Module):
    """A small VGG-style CNN: three stages of 3x3 convolutions, global average pooling."""

    def __init__(self, classes: int):
        super().__init__()
        self.features = nn.Sequential(
            conv_block(3, 32), conv_block(32, 32), nn.MaxPool2d(2),
            conv_block(32, 64), conv_block(64, 64), nn.MaxPool2d(2),
            conv_block(64, 128), conv_block(128, 128), nn.MaxPool2d(2),
        )
        self.head = nn.Sequential(nn.Dropout(0.3), nn.Linear(128, classes))

    def forward(self, x):
        return self.head(self.features(x).mean(dim=(2, 3)))


def accuracy(model, pixels, labels, normalise) -> float:
    model.eval()
    with torch.no_grad():
        predicted = model(normalise(pixels)).argmax(dim=1)
    return (predicted == labels).float().mean().item()


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--data", required=True, help="folder with train/ and train.lst")
    parser.add_argument("--out", required=True, help="folder for model.onnx and metadata.json")
    parser.add_argument("--lst", default="train.lst")
    parser.add_argument("--images", default="train")
    parser.add_argument("--epochs", type=int, default=60)
    parser.add_argument("--batch-size", type=int, default=64)
    parser.add_argument("--learning-rate", type=float, default=0.003)
    parser.add_argument("--seed", type=int, default=8)
    args = parser.parse_args()

    random.seed(args.seed)
    torch.manual_seed(args.seed)
    torch.set_num_threads(max(1, os.cpu_count() or 1))
    torch.use_deterministic_algorithms(True)

    items = read_lst(args.data, args.lst)
    train_items = [item for item in items if not is_validation(item[1])]
    validation_items = [item for item in items if is_validation(item[1])]
    train_x, train_y = load_images(args.data, args.images, train_items)
    val_x, val_y = load_images(args.data, args.images, validation_items)
    mean = train_x.mean(dim=(0, 2, 3))
    std = train_x.std(dim=(0, 2, 3))
    normalise = lambda x: (x - mean.view(1, 3, 1, 1)) / std.view(1, 3, 1, 1)
    print(f"{len(train_items)} training and {len(validation_items)} validation images", flush=True)

    model = BikeNet(len(LABELS))
    optimiser = torch.optim.AdamW(model.parameters(), lr=args.learning_rate, weight_decay=5e-4)
    steps_per_epoch = (len(train_items) + args.batch_size - 1) // args.batch_size
    schedule = torch.optim.lr_scheduler.OneCycleLR(
        optimiser, max_lr=args.learning_rate, epochs=args.epochs, steps_per_epoch=steps_per_epoch
    )
    started = time.time()
    for epoch in range(1, args.epochs + 1):
        model.train()
        order = torch.randperm(len(train_items))
        total_loss = 0.0
        for start in range(0, len(order), args.batch_size):
            index = order[start : start + args.batch_size]
            logits = model(normalise(augment(train_x[index])))
            loss = F.cross_entropy(logits, train_y[index], label_smoothing=0.05)
            optimiser.zero_grad()
            loss.backward()
            optimiser.step()
            schedule.step()
            total_loss += loss.item() * len(index)
        if epoch % 10 == 0 or epoch == args.epochs:
            val_accuracy = accuracy(model, val_x, val_y, normalise)
            print(f"epoch {epoch}: loss {total_loss / len(order):.3f}, validation accuracy {val_accuracy:.3f}", flush=True)
    elapsed = time.time() - started
    val_accuracy = accuracy(model, val_x, val_y, normalise)

    os.makedirs(args.out, exist_ok=True)
    model.eval()
    torch.onnx.export(
        model,
        torch.zeros(1, 3, SIZE, SIZE),
        os.path.join(args.out, "model.onnx"),
        input_names=["image"],
        output_names=["logits"],
        dynamic_axes={"image": {0: "batch"}, "logits": {0: "batch"}},
        opset_version=13,
    )
    with open(os.path.join(args.data, args.lst), "rb") as lst:
        fingerprint = hashlib.sha256(lst.read()).hexdigest()
    metadata = {
        "format": "scones-image-classifier/1",
        "labels": LABELS,
        "input": {
            "name": "image",
            "layout": "NCHW",
            "width": SIZE,
            "height": SIZE,
            "channels": 3,
            "scale": 255,
            "mean": [round(v, 6) for v in mean.tolist()],
            "std": [round(v, 6) for v in std.tolist()],
        },
        "output": {"name": "logits", "activation": "softmax"},
        "training": {
            "train_list": args.lst,
            "train_list_sha256": fingerprint,
            "validation_split": "sha256(path)[0] % 5 == 0",
            "train_images": len(train_items),
            "validation_images": len(validation_items),
            "validation_accuracy": round(val_accuracy, 4),
            "epochs": args.epochs,
            "batch_size": args.batch_size,
            "learning_rate": args.learning_rate,
            "seed": args.seed,
            "seconds": round(elapsed, 1),
            "torch": torch.__version__,
            "trained_at": datetime.datetime.now(datetime.timezone.utc).strftime("%Y-%m-%dT%H:%M:%SZ"),
        },
    }
    with open(os.path.join(args.out, "metadata.json"), "w", encoding="utf-8") as out:
        json.dump(metadata, out, indent=2)
        out.write("\n")
    print(f"validation accuracy {val_accuracy:.4f} in {elapsed:.0f} s; wrote {args.out}/model.onnx and metadata.json")


if __name__ == "__main__":
    main()
