package org.payengine.simulator;
