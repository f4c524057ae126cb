package org.oncogate;
public final class Oncogate { public static void main(String[] a) {} }
