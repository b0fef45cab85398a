package mpibridge

var infoFunctions = []function{}
